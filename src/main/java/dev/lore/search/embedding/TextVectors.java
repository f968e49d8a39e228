package dev.lore.search.embedding;

import java.util.List;

/**
 * The vectors of an item's text: one of the whole text, and one per passage ({@link Passages}; none for a text of one
 * sentence). A search ranks an item by the mean of its whole text's similarity and its best passage's.
 */
public record TextVectors(float[] whole, List<float[]> passages) {

    /** The vector scaled to unit length, as every vector Lore compares is: a dot product is then their cosine. */
    public static float[] normalize(float[] vector) {
        double norm = 0;
        for (float x : vector) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0 || Math.abs(norm - 1) < 1e-6) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }
}
