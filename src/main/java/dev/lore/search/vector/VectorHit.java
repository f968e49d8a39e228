package dev.lore.search.vector;

import dev.lore.search.entries.Entry;

/** A vector index's answer for one entry: its cosine similarity to the query. */
public record VectorHit(Entry entry, double similarity) {
}
