package dev.lore.knowledge;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;
import dev.lore.search.Saved;
import dev.lore.store.Learned;

/**
 * What save_learning answers: the id, whether a new learning was {@code created} or an existing one
 * {@code reinforced}, and the learning as stored; or, while the namespace's learnings wait for review, the id of the
 * proposal that waits ({@code proposed}), or of the one a person decided before ({@code rejected_before},
 * {@code accepted_before}).
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

    static SavedLearning proposed(Learned proposal, String namespace) {
        String id = proposal.id();
        return switch (proposal.outcome()) {
            case REJECTED_BEFORE -> new SavedLearning(id, "rejected_before", "A person rejected the same learning "
                    + "before (proposal " + id + "): it is not proposed again.", null);
            case PROPOSED -> new SavedLearning(id, "proposed", "Learnings of namespace " + namespace + " wait for a "
                    + "person's review: proposal " + id + " is in the review inbox, and counts once it is accepted.",
                    null);
            default -> new SavedLearning(id, "accepted_before", "A person accepted the same learning before "
                    + "(proposal " + id + "): namespace " + namespace + " knows it already.", null);
        };
    }

    @Override
    public String toText() {
        return message;
    }
}
