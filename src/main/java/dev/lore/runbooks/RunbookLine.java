package dev.lore.runbooks;

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

/** A runbook as {@code lore export} writes it: every column, its standing and who saved it. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonTypeName("runbook")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record RunbookLine(
        @NotBlank @Size(max = 36) String id,
        @NotNull @NamespaceName String namespace,
        @NotBlank String task,
        @NotBlank String steps,
        @NotBlank String outcome,
        String notes,
        @Min(0) int timesWorked,
        @Min(0) int timesFailed,
        @NotNull List<@NotBlank String> tags,
        @NotNull @UserId String authorUserId,
        @NotBlank @Size(max = 128) String authorAgentId,
        @SessionId String sessionId,
        @Min(1) int confirmations,
        @NotNull Instant createdAt,
        @NotNull Instant updatedAt,
        Instant lastConfirmedAt) {

    static RunbookLine of(Runbook runbook) {
        return new RunbookLine(runbook.id, runbook.namespace, runbook.task, runbook.steps, runbook.outcome,
                runbook.notes, runbook.timesWorked, runbook.timesFailed, runbook.tags, runbook.authorUserId,
                runbook.authorAgentId, runbook.sessionId, runbook.confirmations, runbook.createdAt, runbook.updatedAt,
                runbook.lastConfirmedAt);
    }

    /** Writes the line into a runbook, new (with the line's id) or stored. */
    Runbook into(Runbook runbook) {
        runbook.id = id;
        runbook.namespace = namespace;
        runbook.task = task;
        runbook.steps = steps;
        runbook.outcome = outcome;
        runbook.notes = notes;
        runbook.timesWorked = timesWorked;
        runbook.timesFailed = timesFailed;
        runbook.tags = tags;
        runbook.authorUserId = authorUserId;
        runbook.authorAgentId = authorAgentId;
        runbook.sessionId = sessionId;
        runbook.confirmations = confirmations;
        runbook.createdAt = createdAt;
        runbook.updatedAt = updatedAt;
        runbook.lastConfirmedAt = lastConfirmedAt;
        return runbook;
    }
}
