package dev.lore.decisions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;

/** What log_decision and record_outcome answer. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoggedDecision(String id, String message, DecisionView decision) implements Answer {

    static LoggedDecision logged(Decision decision) {
        return new LoggedDecision(decision.id, "Logged decision " + decision.id + " in namespace " + decision.namespace
                + ".", DecisionView.of(decision));
    }

    static LoggedDecision outcomeRecorded(Decision decision) {
        return new LoggedDecision(decision.id, "Recorded the outcome of decision " + decision.id + ".",
                DecisionView.of(decision));
    }

    @Override
    public String toText() {
        return message;
    }
}
