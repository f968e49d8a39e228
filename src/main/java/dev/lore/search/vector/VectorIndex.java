package dev.lore.search.vector;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import dev.lore.search.SearchScope;
import dev.lore.search.embedding.TextVectors;

/**
 * Nearest-neighbour retrieval over the entries' embeddings: in-process over vectors stored in SQLite on the local
 * flavor, pgvector (HNSW, cosine) on the team flavor. Only vectors of the given model are compared.
 */
public interface VectorIndex {

    /**
     * Readies the index for a save of vectors of this model and size: before the save opens its transaction (the first
     * call may read every vector), and again in it, once it holds its scope and before it writes anything, to take in
     * every save to the scope committed before, so a duplicate check sees the same text saved a moment ago by another
     * client or process.
     */
    void prepareFor(String model, int dimension);

    /**
     * Whether vectors of this many dimensions can be stored now (on PostgreSQL, a store holding another model's vectors
     * takes no others until {@code lore reembed}).
     */
    boolean takes(int dimension);

    /**
     * Makes room for vectors of this many dimensions, dropping stored vectors of another size: re-embedding after a
     * change of model.
     */
    void makeRoomFor(int dimension);

    /**
     * Stores an entry's vectors (its text's and its passages', replacing earlier ones), in the caller's
     * transaction.
     */
    void write(long seq, TextVectors vectors, String model);

    /**
     * The entries of the scope most similar to the query, most similar first: as committed, outside transactions; as a
     * save's transaction sees them, in it.
     */
    List<VectorHit> nearest(SearchScope scope, float[] query, String model, int limit);

    /**
     * The similarity of each of these entries to the query (entries without a vector of the model are left out), as
     * of the last {@link #nearest}.
     */
    Map<Long, Double> similarities(Collection<Long> seqs, float[] query, String model);

    /**
     * The similarity of the best passage of each of these entries to the query (entries without passages are left
     * out). Ask only for entries whose vector is of the current model: an entry's passages are always written with
     * its vector, so theirs is too. Reads what is stored: passages are never held in memory.
     */
    Map<Long, Double> passageSimilarities(Collection<Long> seqs, float[] query);
}
