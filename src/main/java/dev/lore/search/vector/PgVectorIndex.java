package dev.lore.search.vector;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.jboss.logging.Logger;

import dev.lore.search.SearchScope;
import dev.lore.search.embedding.TextVectors;
import dev.lore.search.entries.Entry;
import dev.lore.search.entries.ScopeFilter;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Vector retrieval on the team flavor: pgvector, HNSW index with cosine distance. Filters (store, namespace, owner,
 * tags) are applied during the index scan, which pgvector's iterative scan keeps going until enough rows pass. The
 * scan settings are made on every new connection ({@code new-connection-sql} in the configuration): searches run
 * outside transactions, where a setting local to a transaction would be gone by the next statement.
 */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "team")
class PgVectorIndex implements VectorIndex {

    private static final Logger LOG = Logger.getLogger(PgVectorIndex.class);

    private static final String WRITE = """
            UPDATE search_entry SET embedding = CAST(:vector AS vector), embedding_model = :model, passages = :passages
            WHERE seq = :seq
            """;
    private static final String DELETE_PASSAGES = "DELETE FROM search_passage WHERE entry_seq = :seq";
    private static final String WRITE_PASSAGE = """
            INSERT INTO search_passage (entry_seq, position, embedding)
            VALUES (:seq, :position, CAST(:vector AS vector))
            """;
    private static final String PASSAGE_SIMILARITIES = """
            SELECT entry_seq, max(1 - (embedding <=> CAST(:query AS vector)))
            FROM search_passage
            WHERE entry_seq IN (:seqs)
            GROUP BY entry_seq
            """;
    private static final String NEAREST = """
            SELECT e.seq, e.item_id, e.session_id, e.session_pos,
                   1 - (e.embedding <=> CAST(:query AS vector)) AS similarity
            FROM search_entry e
            WHERE e.embedding_model = :model AND
            """ + ScopeFilter.FILTER + """
            ORDER BY e.embedding <=> CAST(:query AS vector)
            LIMIT :limit
            """;
    private static final String SIMILARITIES = """
            SELECT seq, 1 - (embedding <=> CAST(:query AS vector))
            FROM search_entry
            WHERE seq IN (:seqs) AND embedding_model = :model
            """;

    private static final String DIMENSION = """
            SELECT atttypmod FROM pg_attribute WHERE attrelid = 'search_entry'::regclass AND attname = 'embedding'
            """;
    private static final String HOLDS_VECTORS = "SELECT EXISTS (SELECT 1 FROM search_entry WHERE embedding IS NOT NULL)";
    private static final String CLEAR = """
            UPDATE search_entry SET embedding = NULL, embedding_model = NULL, passages = NULL WHERE seq = :seq
            """;

    private final EntityManager em;
    /** The vector column's dimension as last read (0: not yet); {@code lore reembed} may change it from elsewhere. */
    private volatile int columnDimension;
    private final AtomicBoolean warnedOfOtherModel = new AtomicBoolean();

    PgVectorIndex(EntityManager em) {
        this.em = em;
    }

    /**
     * pgvector columns and HNSW indexes have a fixed dimension: for a model of another size the column is re-created
     * (its vectors, made by the old model, are dropped) and the index rebuilt. Passage vectors have no index and a
     * column of any dimension: they are only dropped.
     */
    @Override
    public void makeRoomFor(int dimension) {
        if (readDimension() == dimension) {
            return;
        }
        em.createNativeQuery("TRUNCATE search_passage").executeUpdate();
        em.createNativeQuery("DROP INDEX IF EXISTS search_entry_embedding").executeUpdate();
        em.createNativeQuery("ALTER TABLE search_entry DROP COLUMN embedding").executeUpdate();
        em.createNativeQuery("UPDATE search_entry SET embedding_model = NULL, passages = NULL").executeUpdate();
        em.createNativeQuery("ALTER TABLE search_entry ADD COLUMN embedding vector(" + dimension + ")").executeUpdate();
        em.createNativeQuery("CREATE INDEX search_entry_embedding ON search_entry USING hnsw (embedding vector_cosine_ops)")
                .executeUpdate();
        columnDimension = dimension;
    }

    private int readDimension() {
        columnDimension = ((Number) em.createNativeQuery(DIMENSION).getSingleResult()).intValue();
        return columnDimension;
    }

    /** Whether a vector of this size fits the column (read again when it seems not to: it may have changed). */
    @Override
    public boolean takes(int dimension) {
        return dimension == columnDimension || dimension == readDimension();
    }

    private boolean fits(float[] vector) {
        return takes(vector.length);
    }

    /**
     * The vectors live in PostgreSQL only, so what is committed is what a query reads. A store that holds no vector yet
     * takes the dimension of the model in use (one configured for Ollama from the start, say); one holding another
     * model's vectors keeps them until {@code lore reembed}. The column changes in a transaction of its own whose first
     * statement locks the table, before the save's transaction opens: that one, holding a row lock on the table, would
     * deadlock with another process doing the same; in it, the table is read as the transaction sees it.
     */
    @Override
    public void prepareFor(String model, int dimension) {
        if (dimension == columnDimension || QuarkusTransaction.isActive() // a caller's transaction would wait on itself
                || QuarkusTransaction.requiringNew().call(() -> readDimension() == dimension || holdsVectors())) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("LOCK TABLE search_entry IN ACCESS EXCLUSIVE MODE").executeUpdate();
            if (readDimension() != dimension && !holdsVectors()) { // no other process took it first
                makeRoomFor(dimension);
            }
        });
    }

    private boolean holdsVectors() {
        return (Boolean) em.createNativeQuery(HOLDS_VECTORS).getSingleResult();
    }

    /**
     * Stores the vectors; when the store holds vectors of another model and size, the entry is left without any
     * (keyword search finds it; {@code lore reembed} embeds it with the rest), with a warning once.
     */
    @Override
    public void write(long seq, TextVectors vectors, String model) {
        if (!fits(vectors.whole())) {
            em.createNativeQuery(CLEAR).setParameter("seq", seq).executeUpdate();
            em.createNativeQuery(DELETE_PASSAGES).setParameter("seq", seq).executeUpdate();
            if (warnedOfOtherModel.compareAndSet(false, true)) {
                LOG.warnf("The store holds vectors of %d dimensions from another embedding model; %s makes %d. Until "
                        + "`lore reembed` re-embeds the store, new items are found by their words only",
                        columnDimension, model, vectors.whole().length);
            }
            return;
        }
        em.createNativeQuery(WRITE)
                .setParameter("vector", Vectors.toPgVector(vectors.whole()))
                .setParameter("model", model)
                .setParameter("passages", vectors.passages().size())
                .setParameter("seq", seq)
                .executeUpdate();
        em.createNativeQuery(DELETE_PASSAGES).setParameter("seq", seq).executeUpdate();
        for (int position = 0; position < vectors.passages().size(); position++) {
            em.createNativeQuery(WRITE_PASSAGE)
                    .setParameter("seq", seq)
                    .setParameter("position", position)
                    .setParameter("vector", Vectors.toPgVector(vectors.passages().get(position)))
                    .executeUpdate();
        }
    }

    @Override
    public List<VectorHit> nearest(SearchScope scope, float[] query, String model, int limit) {
        if (!fits(query)) {
            return List.of();
        }
        List<?> rows = ScopeFilter.bind(em.createNativeQuery(NEAREST), scope)
                .setParameter("query", Vectors.toPgVector(query))
                .setParameter("model", model)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new VectorHit(Entry.of(r), ((Number) r[4]).doubleValue()))
                .sorted((a, b) -> Double.compare(b.similarity(), a.similarity()))
                .toList();
    }

    @Override
    public Map<Long, Double> similarities(Collection<Long> seqs, float[] query, String model) {
        return similaritiesBy(em.createNativeQuery(SIMILARITIES).setParameter("model", model), seqs, query);
    }

    @Override
    public Map<Long, Double> passageSimilarities(Collection<Long> seqs, float[] query) {
        return similaritiesBy(em.createNativeQuery(PASSAGE_SIMILARITIES), seqs, query);
    }

    private Map<Long, Double> similaritiesBy(Query sql, Collection<Long> seqs, float[] query) {
        Map<Long, Double> similarities = new HashMap<>();
        if (seqs.isEmpty() || !fits(query)) {
            return similarities;
        }
        List<?> rows = sql
                .setParameter("query", Vectors.toPgVector(query))
                .setParameter("seqs", seqs)
                .getResultList();
        rows.stream().map(Object[].class::cast)
                .forEach(r -> similarities.put(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue()));
        return similarities;
    }
}
