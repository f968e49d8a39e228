package dev.lore.search.embedding;

import java.util.List;

/**
 * The vectors of an item's text: one of the whole text, and one per passage ({@link Passages}; none for a text of one
 * sentence). A search ranks an item by the mean of its whole text's similarity and its best passage's.
 */
public record TextVectors(float[] whole, List<float[]> passages) {
}
