package dev.lore.search;

/** A vector index's answer for one entry: its cosine similarity to the query. */
public record VectorHit(Entry entry, double similarity) {
}
