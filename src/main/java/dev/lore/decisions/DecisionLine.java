package dev.lore.decisions;

import java.time.Instant;
import java.util.List;

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

/** A decision as {@code lore export} writes it: what was decided and why, and how it turned out. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonTypeName("decision")
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@RegisterForReflection
public record DecisionLine(
        @NotBlank @Size(max = 36) String id,
        @NotNull @NamespaceName String namespace,
        @NotBlank @Size(max = 128) String agentId,
        @NotNull @UserId String userId,
        @SessionId String sessionId,
        @NotBlank String decision,
        @NotBlank String reasoning,
        @NotNull List<@NotNull String> alternatives,
        String context,
        @NotNull List<@NotBlank String> tags,
        Double confidence,
        String outcome,
        Boolean success,
        Instant outcomeAt,
        @UserId String outcomeBy,
        @NotNull Instant createdAt) {

    static DecisionLine of(Decision decision) {
        return new DecisionLine(decision.id, decision.namespace, decision.agentId, decision.userId, decision.sessionId,
                decision.decision, decision.reasoning, decision.alternatives, decision.context, decision.tags,
                decision.confidence, decision.outcome, decision.success, decision.outcomeAt, decision.outcomeBy,
                decision.createdAt);
    }

    Decision toDecision() {
        Decision logged = new Decision();
        logged.id = id;
        logged.namespace = namespace;
        logged.agentId = agentId;
        logged.userId = userId;
        logged.sessionId = sessionId;
        logged.decision = decision;
        logged.reasoning = reasoning;
        logged.alternatives = alternatives;
        logged.context = context;
        logged.tags = tags;
        logged.confidence = confidence;
        logged.createdAt = createdAt;
        return withOutcomeInto(logged);
    }

    /** Writes the line's outcome into a decision. */
    Decision withOutcomeInto(Decision logged) {
        logged.outcome = outcome;
        logged.success = success;
        logged.outcomeAt = outcomeAt;
        logged.outcomeBy = outcomeBy;
        return logged;
    }
}
