package dev.lore.decisions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.search.SearchHit;

/** A decision as tools and resources show it, with its outcome once recorded; a search result adds its score. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DecisionView(String id, String decision, String reasoning, List<String> alternatives, String context,
        List<String> tags, Double confidence, String agent, String user, String namespace, String createdAt,
        String outcome, Boolean success, String outcomeAt, Double score, Double similarity, List<String> matchedTerms) {

    static DecisionView of(Decision d) {
        return of(d, null);
    }

    static DecisionView of(Decision d, SearchHit hit) {
        return new DecisionView(d.id, d.decision, d.reasoning, d.alternatives, d.context, d.tags, d.confidence,
                d.agentId, d.userId, d.namespace, d.createdAt.toString(), d.outcome, d.success,
                d.outcomeAt == null ? null : d.outcomeAt.toString(), hit == null ? null : hit.shownScore(),
                hit == null ? null : hit.shownSimilarity(),
                hit == null ? null : hit.matchedTerms());
    }

    String describe() {
        StringBuilder text = new StringBuilder(decision).append("\n   why: ").append(reasoning);
        if (!alternatives.isEmpty()) {
            text.append("\n   alternatives: ").append(String.join("; ", alternatives));
        }
        text.append("\n   by ").append(agent).append(" for ").append(user).append(", ").append(createdAt);
        if (confidence != null) {
            text.append(", confidence ").append(confidence);
        }
        text.append(", id ").append(id);
        if (outcome != null) {
            text.append("\n   outcome").append(success == null ? "" : success ? " (success)" : " (failure)")
                    .append(": ").append(outcome);
        }
        return text.toString();
    }
}
