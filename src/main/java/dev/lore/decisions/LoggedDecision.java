package dev.lore.decisions;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What log_decision and record_outcome answer. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LoggedDecision(String id, String message, DecisionView decision) {
}
