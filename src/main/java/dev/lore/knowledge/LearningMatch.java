package dev.lore.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One result of search_learnings. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningMatch(String id, String title, String text, double score, List<String> matchedTerms,
        List<String> tags, String namespace, String author, String createdAt, String context) {

    static LearningMatch of(FoundLearning found) {
        Learning l = found.learning();
        return new LearningMatch(l.id, l.title, l.body, Math.round(found.score() * 1000) / 1000.0, found.matchedTerms(),
                l.tags, l.namespace, l.authorUserId, l.createdAt.toString(), l.context);
    }
}
