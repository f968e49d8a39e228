package dev.lore.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.search.Found;

/**
 * One result of search_learnings: the learning, its score, and why it matched (its similarity to the question and the
 * words they share).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningMatch(String id, String title, String text, double score, Double similarity,
        List<String> matchedTerms, List<String> tags, String namespace, String author, int confirmations,
        String createdAt, String context) {

    static LearningMatch of(Found<Learning> found) {
        Learning l = found.record();
        return new LearningMatch(l.id, l.title, l.body, found.hit().shownScore(),
                found.hit().shownSimilarity(), found.hit().matchedTerms(),
                l.tags, l.namespace, l.authorUserId, l.confirmations, l.createdAt.toString(), l.context);
    }
}
