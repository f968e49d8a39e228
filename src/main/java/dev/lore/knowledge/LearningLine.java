package dev.lore.knowledge;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.identity.NamespaceName;
import dev.lore.identity.SessionId;
import dev.lore.identity.UserId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A learning as {@code lore export} writes it: every column, its standing and who saved it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonTypeName("learning")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record LearningLine(
        @NotBlank @Size(max = 36) String id,
        @NotNull @NamespaceName String namespace,
        @NotBlank String title,
        @NotBlank String body,
        String context,
        @NotNull List<@NotBlank String> tags,
        @NotNull @UserId String authorUserId,
        @NotBlank @Size(max = 128) String authorAgentId,
        @SessionId String sessionId,
        @Min(1) int confirmations,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        Instant lastConfirmedAt) {

    static LearningLine of(Learning learning) {
        return new LearningLine(learning.id, learning.namespace, learning.title, learning.body, learning.context,
                learning.tags, learning.authorUserId, learning.authorAgentId, learning.sessionId,
                learning.confirmations, learning.createdAt, learning.updatedAt, learning.lastConfirmedAt);
    }

    /** Writes the line into a learning, new (with the line's id) or stored. */
    Learning into(Learning learning) {
        learning.id = id;
        learning.namespace = namespace;
        learning.title = title;
        learning.body = body;
        learning.context = context;
        learning.tags = tags;
        learning.authorUserId = authorUserId;
        learning.authorAgentId = authorAgentId;
        learning.sessionId = sessionId;
        learning.confirmations = confirmations;
        learning.createdAt = createdAt;
        learning.updatedAt = updatedAt;
        learning.lastConfirmedAt = lastConfirmedAt;
        return learning;
    }
}
