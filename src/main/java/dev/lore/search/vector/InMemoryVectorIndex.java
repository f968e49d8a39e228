package dev.lore.search.vector;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.jboss.logging.Logger;

import dev.lore.search.SearchScope;
import dev.lore.search.embedding.Embeddings;
import dev.lore.search.embedding.TextVectors;
import dev.lore.search.entries.Entry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Vector retrieval on the local flavor: the vectors live in SQLite (one BLOB per entry) and in memory here, one
 * {@link VectorSet} per scope. Before each use the index reads the change log ({@code search_change}, filled by
 * triggers), so it sees what this and every other Lore process sharing the file committed, deletions included. Large
 * sets get an inverted-file index, trained in the background. Passage vectors stay in SQLite only: a search reads
 * those of its candidates. The vectors load in the background at start, and a search catches up before it reads.
 */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "local")
class InMemoryVectorIndex implements VectorIndex {

    private static final Logger LOG = Logger.getLogger(InMemoryVectorIndex.class);
    private static final String TAG_SEPARATOR = "\u001f";
    private static final int ASSIGN_BATCH = 2_000;

    private static final String WRITE = """
            UPDATE search_entry SET embedding = :vector, embedding_model = :model, passages = :passages WHERE seq = :seq
            """;
    private static final String DELETE_PASSAGES = "DELETE FROM search_passage WHERE entry_seq = :seq";
    private static final String WRITE_PASSAGE = """
            INSERT INTO search_passage (entry_seq, position, embedding) VALUES (:seq, :position, :vector)
            """;
    private static final String PASSAGES = "SELECT entry_seq, embedding FROM search_passage WHERE entry_seq IN (:seqs)";
    private static final String LATEST_CHANGE = "SELECT coalesce(max(change_id), 0) FROM search_change";
    private static final String CHANGED_ENTRIES = """
            SELECT c.entry_seq, e.item_id, e.store, e.namespace, e.owner_id, e.session_id, e.session_pos,
                   e.embedding, e.embedding_model,
                   (SELECT group_concat(t.tag, char(31)) FROM search_entry_tag t WHERE t.entry_seq = e.seq) AS tags
            FROM (SELECT DISTINCT entry_seq FROM search_change WHERE change_id > ? AND change_id <= ?) c
            LEFT JOIN search_entry e ON e.seq = c.entry_seq
            """;

    private final EntityManager em;
    private final DataSource dataSource;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ExecutorService indexer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lore-vector-indexer");
        thread.setDaemon(true);
        return thread;
    });
    private final Embeddings embeddings;
    /** Quarkus's worker pool, where the index loads at start. */
    private final ExecutorService workers;
    private final Set<VectorSet> indexing = new HashSet<>();
    private volatile boolean stopping;
    private final Random random = new Random();

    private String model;
    private long seenChange;
    private int dimension;
    private final Map<String, VectorSet> sets = new HashMap<>();
    private final Map<Long, String> scopeOfSeq = new HashMap<>();
    private final Map<String, Integer> owners = new HashMap<>();

    InMemoryVectorIndex(EntityManager em, DataSource dataSource, Embeddings embeddings, ExecutorService workers) {
        this.em = em;
        this.dataSource = dataSource;
        this.embeddings = embeddings;
        this.workers = workers;
    }

    /**
     * Loads the vectors in the background at start, so the first search does not wait for them. A load cut short
     * because Lore is already stopping (a command such as {@code lore reembed} that is done at once, a client that
     * disconnects right away) is no failure worth a warning.
     */
    void warmUp(@Observes StartupEvent start) {
        if (!embeddings.warmsUp()) {
            return;
        }
        CompletableFuture.runAsync(() -> {
            try {
                catchUpOutsideTransactions(embeddings.modelId());
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warnf("The vector index will load at the first search: %s", e.getMessage());
                }
            }
        }, workers);
    }

    void stopping(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    @PreDestroy
    void stop() {
        indexer.shutdownNow();
    }

    /**
     * Applies the changes committed since the last look, by any process; starts over when the model changes. In a
     * save's transaction (which began with the store's write lock, SQLite's {@code BEGIN IMMEDIATE}, holding every other
     * writer off until it ends) it reads them on that transaction's connection: nothing is written yet, so they are all
     * committed ones. Vectors of any size fit in SQLite.
     */
    @Override
    public void prepareFor(String model, int dimension) {
        if (QuarkusTransaction.isActive()) {
            em.unwrap(Session.class).doWork(connection -> catchUp(model, connection));
        } else {
            catchUpOutsideTransactions(model);
        }
    }

    private void catchUpOutsideTransactions(String model) {
        try (Connection connection = dataSource.getConnection()) {
            catchUp(model, connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the vector changes: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean takes(int dimension) {
        return true; // vectors of any size fit in SQLite
    }

    /** Vectors of any size fit in SQLite, and the copy in memory starts over by itself when the model changes. */
    @Override
    public void makeRoomFor(int dimension) {
    }

    @Override
    public void write(long seq, TextVectors vectors, String model) {
        em.createNativeQuery(WRITE)
                .setParameter("vector", Vectors.toBytes(vectors.whole()))
                .setParameter("model", model)
                .setParameter("passages", vectors.passages().size())
                .setParameter("seq", seq)
                .executeUpdate();
        em.createNativeQuery(DELETE_PASSAGES).setParameter("seq", seq).executeUpdate();
        for (int position = 0; position < vectors.passages().size(); position++) {
            em.createNativeQuery(WRITE_PASSAGE)
                    .setParameter("seq", seq)
                    .setParameter("position", position)
                    .setParameter("vector", Vectors.toBytes(vectors.passages().get(position)))
                    .executeUpdate();
        }
    }

    @Override
    public List<VectorHit> nearest(SearchScope scope, float[] query, String model, int limit) {
        if (!QuarkusTransaction.isActive()) { // a save's transaction caught up when it began (prepareFor)
            catchUpOutsideTransactions(model);
        }
        lock.readLock().lock();
        try {
            VectorSet set = sets.get(scopeKey(scope.store(), scope.namespace()));
            if (set == null) {
                return List.of();
            }
            int owner = scope.ownerId() == null ? -1 : owners.getOrDefault(scope.ownerId(), -2);
            PriorityQueue<VectorSet.Scored> best = set.nearest(query, owner, scope.tags(), limit);
            List<VectorHit> hits = new ArrayList<>(best.size());
            best.forEach(s -> hits.add(new VectorHit(set.entryAt(s.slot()), s.similarity())));
            hits.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Map<Long, Double> similarities(Collection<Long> wanted, float[] query, String model) {
        lock.readLock().lock();
        try {
            Map<Long, Double> similarities = new HashMap<>();
            for (Long seq : wanted) {
                String key = scopeOfSeq.get(seq);
                Float similarity = key == null ? null : sets.get(key).similarity(seq, query);
                if (similarity != null) {
                    similarities.put(seq, (double) similarity);
                }
            }
            return similarities;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Map<Long, Double> passageSimilarities(Collection<Long> seqs, float[] query) {
        Map<Long, Double> best = new HashMap<>();
        if (seqs.isEmpty()) {
            return best;
        }
        List<Object[]> rows = em.createNativeQuery(PASSAGES).unwrap(NativeQuery.class)
                .addScalar("entry_seq", StandardBasicTypes.LONG)
                .addScalar("embedding", StandardBasicTypes.BINARY)
                .setParameter("seqs", seqs)
                .getResultList();
        for (Object[] row : rows) {
            best.merge((Long) row[0], (double) Vectors.dot(query, (byte[]) row[1]), Math::max);
        }
        return best;
    }

    /** Applies the changes committed since the last look, read on this connection; starts over when the model changes. */
    private void catchUp(String currentModel, Connection connection) throws SQLException {
        long latest;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(LATEST_CHANGE)) {
            row.next();
            latest = row.getLong(1);
        }
        lock.readLock().lock();
        try {
            if (latest == seenChange && currentModel.equals(model)) {
                return;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            if (!currentModel.equals(model)) {
                clear(currentModel);
            }
            if (latest <= seenChange) {
                return;
            }
            try (PreparedStatement changed = connection.prepareStatement(CHANGED_ENTRIES)) {
                changed.setLong(1, seenChange);
                changed.setLong(2, latest);
                try (ResultSet rows = changed.executeQuery()) {
                    while (rows.next()) {
                        apply(rows);
                    }
                }
            }
            seenChange = latest;
            sets.values().stream().filter(VectorSet::wantsIndex).filter(indexing::add).forEach(this::buildIndex);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void apply(ResultSet row) throws SQLException {
        long seq = row.getLong("entry_seq");
        String itemId = row.getString("item_id");
        byte[] bytes = row.getBytes("embedding");
        if (itemId == null || bytes == null || !model.equals(row.getString("embedding_model"))) {
            remove(seq);
            return;
        }
        float[] vector = Vectors.fromBytes(bytes);
        if (dimension == 0) {
            dimension = vector.length;
        }
        if (vector.length != dimension) {
            remove(seq);
            return;
        }
        String key = scopeKey(row.getString("store"), row.getString("namespace"));
        String previous = scopeOfSeq.put(seq, key);
        if (previous != null && !previous.equals(key)) {
            sets.get(previous).remove(seq);
        }
        String owner = row.getString("owner_id");
        String tags = row.getString("tags");
        sets.computeIfAbsent(key, k -> new VectorSet(dimension)).put(seq,
                new Entry(seq, itemId, row.getString("session_id"), row.getInt("session_pos")),
                owner == null ? -1 : owners.computeIfAbsent(owner, o -> owners.size()),
                tags == null ? new String[0] : tags.split(TAG_SEPARATOR), vector);
    }

    private void remove(long seq) {
        String key = scopeOfSeq.remove(seq);
        if (key != null) {
            sets.get(key).remove(seq);
        }
    }

    /**
     * Trains an index for a large set in the background: centroids from a sample (no lock held), then vectors assigned
     * to their lists in small batches, so searches and writes are never held up for long.
     */
    private void buildIndex(VectorSet set) {
        indexer.execute(() -> {
            try {
                float[][] sample;
                int size;
                lock.readLock().lock();
                try {
                    sample = set.sample(random);
                    size = set.size();
                } finally {
                    lock.readLock().unlock();
                }
                VectorSet.Centroids centroids = VectorSet.train(sample, size, random);
                int remaining = 1;
                boolean installed = false;
                while (remaining > 0) {
                    lock.writeLock().lock();
                    try {
                        if (!sets.containsValue(set)) {
                            return;
                        }
                        if (!installed) {
                            set.install(centroids);
                            installed = true;
                        }
                        remaining = set.assign(ASSIGN_BATCH);
                    } finally {
                        lock.writeLock().unlock();
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not index %d vectors; searches scan them all meanwhile: %s", set.size(), e.getMessage());
            } finally {
                lock.writeLock().lock();
                try {
                    indexing.remove(set);
                } finally {
                    lock.writeLock().unlock();
                }
            }
        });
    }

    private void clear(String newModel) {
        model = newModel;
        seenChange = 0;
        dimension = 0;
        sets.clear();
        scopeOfSeq.clear();
        owners.clear();
        indexing.clear();
    }

    private static String scopeKey(String store, String namespace) {
        return store + '\u0000' + namespace;
    }
}
