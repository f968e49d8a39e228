package dev.lore.session;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.identity.SessionId;
import dev.lore.identity.UserId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A session's context as {@code lore export} writes it: summary, goals, plan, progress and open questions. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonTypeName("session")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record SessionLine(
        @NotNull @UserId String userId,
        @NotNull @SessionId String sessionId,
        String summary,
        @NotNull List<@NotNull String> goals,
        @NotNull List<@NotNull PlanStep> plan,
        @NotNull List<@NotNull ProgressNote> progress,
        @NotNull List<@NotNull String> openQuestions,
        @NotBlank @Size(max = 128) String agentId,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt) {

    static SessionLine of(SessionContext context) {
        return new SessionLine(context.userId, context.sessionId, context.summary, context.goals, context.plan,
                context.progress, context.openQuestions, context.agentId, context.createdAt, context.updatedAt);
    }

    /** Writes the line into a session's context, new or stored. */
    SessionContext into(SessionContext context) {
        context.userId = userId;
        context.sessionId = sessionId;
        context.summary = summary;
        context.goals = goals;
        context.plan = plan;
        context.progress = progress;
        context.openQuestions = openQuestions;
        context.agentId = agentId;
        context.createdAt = createdAt;
        context.updatedAt = updatedAt;
        return context;
    }
}
