package dev.lore.memory;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.identity.SessionId;
import dev.lore.identity.UserId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A line of User Memory as {@code lore export} writes it: a memory, or the audit line of one forgotten. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = MemoryLine.Kept.class, name = "memory"),
        @JsonSubTypes.Type(value = MemoryLine.Audit.class, name = "audit") })
public sealed interface MemoryLine {

    /** A memory: every column, its standing and who saved it. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Kept(
            @NotBlank @Size(max = 36) String id,
            @NotNull @UserId String userId,
            @NotBlank String body,
            @NotNull List<@NotBlank String> topics,
            @NotBlank @Size(max = 128) String agentId,
            @SessionId String sessionId,
            @Min(1) int confirmations,
            @NotNull Instant createdAt,
            @NotNull Instant updatedAt,
            @NotNull Instant lastConfirmedAt) implements MemoryLine {

        static Kept of(Memory memory) {
            return new Kept(memory.id, memory.userId, memory.body, memory.topics, memory.agentId, memory.sessionId,
                    memory.confirmations, memory.createdAt, memory.updatedAt, memory.lastConfirmedAt);
        }

        /** Writes the line into a memory, new (with the line's id) or stored. */
        Memory into(Memory memory) {
            memory.id = id;
            memory.userId = userId;
            memory.body = body;
            memory.topics = topics;
            memory.agentId = agentId;
            memory.sessionId = sessionId;
            memory.confirmations = confirmations;
            memory.createdAt = createdAt;
            memory.updatedAt = updatedAt;
            memory.lastConfirmedAt = lastConfirmedAt;
            return memory;
        }
    }

    /** That a memory was forgotten (what it said is gone with it): when, and by whom. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Audit(
            @NotBlank @Size(max = 36) String memoryId,
            @NotNull @UserId String userId,
            @NotBlank @Size(max = 32) String action,
            @NotNull Instant happenedAt,
            @NotBlank @Size(max = 128) String agentId,
            @SessionId String sessionId) implements MemoryLine {

        static Audit of(MemoryAudit line) {
            return new Audit(line.memoryId, line.userId, line.action, line.happenedAt, line.agentId, line.sessionId);
        }

        MemoryAudit toAudit() {
            MemoryAudit line = new MemoryAudit();
            line.memoryId = memoryId;
            line.userId = userId;
            line.action = action;
            line.happenedAt = happenedAt;
            line.agentId = agentId;
            line.sessionId = sessionId;
            return line;
        }
    }
}
