package dev.lore.knowledge;

import dev.lore.search.SearchHit;

/** A learning a search found, and why (its score, similarity and matched words). */
public record FoundLearning(Learning learning, SearchHit hit) {
}
