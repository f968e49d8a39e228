package dev.lore.search.vector;

import dev.lore.search.SearchScope;
import dev.lore.search.embedding.TextVectors;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Nearest-neighbour retrieval over the entries' embeddings: in-process over vectors stored in SQLite on the local
 * flavor, pgvector (HNSW, cosine) on the team flavor. Only vectors of the given model are compared.
 */
public interface VectorIndex {

    /**
     * Readies the index for vectors of this model and size, as of what is committed. Outside transactions (before a
     * search, and before a save opens its transaction) the first call may read every vector. In a save's transaction,
     * once the save holds its scope and before it writes anything, it takes in every save to the scope committed
     * before, so a duplicate check sees the same text saved a moment ago by another client or process.
     */
    void prepareFor(String model, int dimension);

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
