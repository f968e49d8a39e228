package dev.lore.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What save_learning answers: the id, whether a new learning was {@code created} or an existing one
 * {@code reinforced}, and the learning as stored.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SavedLearning(String id, String status, String message, LearningView learning) {
}
