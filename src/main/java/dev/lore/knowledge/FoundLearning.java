package dev.lore.knowledge;

import java.util.List;

/** A learning a search found, with its relevance and the words that matched. */
public record FoundLearning(Learning learning, double score, List<String> matchedTerms) {
}
