package dev.lore.search;

import java.util.List;

/**
 * One item a search found, and why.
 *
 * @param itemId the item's id in its store
 * @param score the fused relevance (higher is better; comparable within one result list)
 * @param similarity the cosine similarity of the item's text to the query, or {@code null} when it has no vector
 * @param matchedTerms the words of the item that matched the query's keywords (empty when none did)
 */
public record SearchHit(String itemId, double score, Double similarity, List<String> matchedTerms) {

    /** A score or similarity as answers show it: three decimals. */
    public static double shown(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    public double shownScore() {
        return shown(score);
    }

    public Double shownSimilarity() {
        return similarity == null ? null : shown(similarity);
    }
}
