package dev.lore.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Nearest-neighbour retrieval over the entries' embeddings: in-process over vectors stored in SQLite on the local
 * flavor, pgvector (HNSW, cosine) on the team flavor. Only vectors of the given model are compared.
 */
public interface VectorIndex {

    /** Makes room for vectors of this many dimensions (a new model may need it); stored vectors may be lost. */
    void prepareFor(int dimension);

    /**
     * Lets a store that holds no vector yet take the size of the vectors about to be written (a model configured from
     * the start, say). Call it outside transactions, before the one that writes: the change locks the whole index.
     */
    default void adoptIfEmpty(int dimension) {
    }

    /**
     * Brings the index up to date with what is stored (in-memory indexes read what other processes committed). Call it
     * outside write transactions: the first call may read every vector.
     */
    void refresh(String model);

    /**
     * Readies the index for a save, in the save's transaction, once it holds its scope and before it writes anything:
     * the index then holds every save to the scope committed before, so a duplicate check sees the same text saved a
     * moment ago by another client or process.
     */
    void catchUpForSaving(String model);

    /**
     * Stores an entry's vectors (its text's and its passages', replacing earlier ones), in the caller's
     * transaction.
     */
    void write(long seq, TextVectors vectors, String model);

    /** The entries of the scope most similar to the query, most similar first, as of the last {@link #refresh}. */
    List<VectorHit> nearest(SearchScope scope, float[] query, String model, int limit);

    /**
     * The similarity of each of these entries to the query (entries without a vector of the model are left out), as
     * of the last {@link #refresh}.
     */
    Map<Long, Double> similarities(Collection<Long> seqs, float[] query, String model);

    /**
     * The similarity of the best passage of each of these entries to the query (entries without passages are left
     * out). Ask only for entries whose vector is of the current model: an entry's passages are always written with
     * its vector, so theirs is too. Reads what is stored: passages are never held in memory.
     */
    Map<Long, Double> passageSimilarities(Collection<Long> seqs, float[] query);
}
