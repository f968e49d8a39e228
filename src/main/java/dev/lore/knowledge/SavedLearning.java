package dev.lore.knowledge;

import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;
import dev.lore.review.Proposal;
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

    /** A proposal the user decided when asked: the learning it was saved as, or its rejection. */
    static SavedLearning decided(Proposal proposal, Function<String, Optional<Learning>> learnings) {
        if (proposal.state == Proposal.State.REJECTED) {
            return new SavedLearning(proposal.id, "rejected", "The user, asked, rejected it (proposal " + proposal.id
                    + "): it is not saved, and will not be proposed again.", null);
        }
        Learned saved = proposal.result.get(0);
        Learning learning = learnings.apply(saved.id()).orElseThrow();
        return new SavedLearning(learning.id, saved.outcome() == Learned.Outcome.CREATED ? "created" : "reinforced",
                "The user, asked, accepted it" + (proposal.edited ? " edited" : "") + ": saved learning " + learning.id
                        + " \"" + learning.title + "\" in namespace " + learning.namespace + ".",
                LearningView.of(learning));
    }

    @Override
    public String toText() {
        return message;
    }
}
