package dev.lore.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;
import dev.lore.search.Saved;

/**
 * What save_learning answers: the id, whether a new learning was {@code created} or an existing one
 * {@code reinforced}, and the learning as stored.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SavedLearning(String id, String status, String message, LearningView learning) implements Answer {

    static SavedLearning of(Saved<Learning> saved) {
        Learning stored = saved.record();
        String message = saved.created()
                ? "Saved learning " + stored.id + " \"" + stored.title + "\" in namespace " + stored.namespace + "."
                : "Namespace " + stored.namespace + " already knew this: reinforced learning " + stored.id + " \""
                        + stored.title + "\" (confirmed " + stored.confirmations + " times).";
        return new SavedLearning(stored.id, saved.created() ? "created" : "reinforced", message,
                LearningView.of(stored));
    }

    @Override
    public String toText() {
        return message;
    }
}
