package dev.lore.search;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Vector retrieval on the local flavor: the vectors live in SQLite (one BLOB per entry) and in memory here, where a
 * query is compared with every vector of its scope. Before each use the index reads the change log
 * ({@code search_change}, filled by triggers), so it sees what this and every other Lore process sharing the file
 * committed, deletions included.
 */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "local")
class InMemoryVectorIndex implements VectorIndex {

    private static final int BLOCK = 1024;
    private static final int PARALLEL_FROM = 20_000;
    private static final char TAG_SEPARATOR = '\u001f';

    private static final String WRITE = "UPDATE search_entry SET embedding = :vector, embedding_model = :model WHERE seq = :seq";
    private static final String LATEST_CHANGE = "SELECT coalesce(max(change_id), 0) FROM search_change";
    private static final String CHANGED_ENTRIES = """
            SELECT c.entry_seq, e.item_id, e.store, e.namespace, e.owner_id, e.session_id, e.session_pos,
                   e.embedding, e.embedding_model,
                   (SELECT group_concat(t.tag, char(31)) FROM search_entry_tag t WHERE t.entry_seq = e.seq) AS tags
            FROM (SELECT DISTINCT entry_seq FROM search_change WHERE change_id > ? AND change_id <= ?) c
            LEFT JOIN search_entry e ON e.seq = c.entry_seq
            """;

    private final EntityManager em;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    private String model;
    private long seenChange;
    private int dimension;
    private int size;
    private float[][] blocks = new float[0][];
    private long[] seqs = new long[0];
    private int[] scopes = new int[0];
    private int[] owners = new int[0];
    private Entry[] entries = new Entry[0];
    private String[][] tags = new String[0][];
    private final Map<Long, Integer> slotOfSeq = new HashMap<>();
    private final Map<String, Integer> codes = new HashMap<>();

    InMemoryVectorIndex(EntityManager em) {
        this.em = em;
    }

    /** Vectors of any size fit in SQLite; the in-memory index starts over when the model changes. */
    @Override
    public void prepareFor(int dimension) {
    }

    @Override
    public void write(long seq, float[] vector, String model) {
        em.createNativeQuery(WRITE)
                .setParameter("vector", Vectors.toBytes(vector))
                .setParameter("model", model)
                .setParameter("seq", seq)
                .executeUpdate();
    }

    @Override
    public List<VectorHit> nearest(SearchScope scope, float[] query, String model, int limit) {
        catchUp(model);
        lock.readLock().lock();
        try {
            Integer scope0 = codes.get(scopeKey(scope.store(), scope.namespace()));
            if (scope0 == null || size == 0) {
                return List.of();
            }
            int owner = scope.ownerId() == null ? -1 : codes.getOrDefault(scope.ownerId(), -2);
            int parts = size >= PARALLEL_FROM ? Runtime.getRuntime().availableProcessors() : 1;
            int chunk = (size + parts - 1) / parts;
            List<PriorityQueue<Scored>> partial = IntStream.range(0, parts).parallel()
                    .mapToObj(p -> scan(query, scope0, owner, scope.tags(), p * chunk, Math.min(size, (p + 1) * chunk),
                            limit))
                    .toList();
            PriorityQueue<Scored> best = new PriorityQueue<>();
            partial.forEach(q -> q.forEach(s -> offer(best, s, limit)));
            List<VectorHit> hits = new ArrayList<>(best.size());
            best.forEach(s -> hits.add(new VectorHit(entries[s.slot], s.similarity)));
            hits.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
            return hits;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Map<Long, Double> similarities(Collection<Long> wanted, float[] query, String model) {
        catchUp(model);
        lock.readLock().lock();
        try {
            Map<Long, Double> similarities = new HashMap<>();
            for (Long seq : wanted) {
                Integer slot = slotOfSeq.get(seq);
                if (slot != null) {
                    similarities.put(seq, (double) Vectors.dot(query, blocks[slot / BLOCK], (slot % BLOCK) * dimension,
                            dimension));
                }
            }
            return similarities;
        } finally {
            lock.readLock().unlock();
        }
    }

    private PriorityQueue<Scored> scan(float[] query, int scope, int owner, List<String> requiredTags, int from, int to,
            int limit) {
        PriorityQueue<Scored> best = new PriorityQueue<>();
        for (int slot = from; slot < to; slot++) {
            if (scopes[slot] != scope || (owner != -1 && owners[slot] != owner)
                    || (!requiredTags.isEmpty() && !Arrays.asList(tags[slot]).containsAll(requiredTags))) {
                continue;
            }
            float similarity = Vectors.dot(query, blocks[slot / BLOCK], (slot % BLOCK) * dimension, dimension);
            if (best.size() < limit || similarity > best.peek().similarity) {
                offer(best, new Scored(slot, similarity), limit);
            }
        }
        return best;
    }

    private static void offer(PriorityQueue<Scored> best, Scored scored, int limit) {
        best.add(scored);
        if (best.size() > limit) {
            best.poll();
        }
    }

    /** Applies the changes committed since the last look, by any process; starts over when the model changes. */
    private void catchUp(String currentModel) {
        long latest = ((Number) em.createNativeQuery(LATEST_CHANGE).getSingleResult()).longValue();
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
            long after = seenChange;
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement changed = connection.prepareStatement(CHANGED_ENTRIES)) {
                    changed.setLong(1, after);
                    changed.setLong(2, latest);
                    try (ResultSet rows = changed.executeQuery()) {
                        while (rows.next()) {
                            apply(rows);
                        }
                    }
                }
            });
            seenChange = latest;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void apply(ResultSet row) throws SQLException {
        long seq = row.getLong("entry_seq");
        String itemId = row.getString("item_id");
        byte[] vector = row.getBytes("embedding");
        if (itemId == null || vector == null || !model.equals(row.getString("embedding_model"))) {
            remove(seq);
            return;
        }
        float[] values = Vectors.fromBytes(vector);
        if (dimension == 0) {
            dimension = values.length;
        }
        if (values.length != dimension) {
            remove(seq);
            return;
        }
        Integer slot = slotOfSeq.get(seq);
        if (slot == null) {
            slot = size++;
            ensureCapacity(size);
            slotOfSeq.put(seq, slot);
        }
        String owner = row.getString("owner_id");
        String tagList = row.getString("tags");
        seqs[slot] = seq;
        scopes[slot] = code(scopeKey(row.getString("store"), row.getString("namespace")));
        owners[slot] = owner == null ? -1 : code(owner);
        entries[slot] = new Entry(seq, itemId, row.getString("session_id"), row.getInt("session_pos"));
        tags[slot] = tagList == null ? new String[0] : tagList.split(String.valueOf(TAG_SEPARATOR));
        System.arraycopy(values, 0, blocks[slot / BLOCK], (slot % BLOCK) * dimension, dimension);
    }

    private void remove(long seq) {
        Integer slot = slotOfSeq.remove(seq);
        if (slot == null) {
            return;
        }
        int last = --size;
        if (slot != last) {
            seqs[slot] = seqs[last];
            scopes[slot] = scopes[last];
            owners[slot] = owners[last];
            entries[slot] = entries[last];
            tags[slot] = tags[last];
            System.arraycopy(blocks[last / BLOCK], (last % BLOCK) * dimension, blocks[slot / BLOCK],
                    (slot % BLOCK) * dimension, dimension);
            slotOfSeq.put(seqs[slot], slot);
        }
        entries[last] = null;
        tags[last] = null;
    }

    private void ensureCapacity(int needed) {
        if (needed > seqs.length) {
            int capacity = Math.max(BLOCK, seqs.length * 2);
            seqs = Arrays.copyOf(seqs, capacity);
            scopes = Arrays.copyOf(scopes, capacity);
            owners = Arrays.copyOf(owners, capacity);
            entries = Arrays.copyOf(entries, capacity);
            tags = Arrays.copyOf(tags, capacity);
        }
        int blocksNeeded = (needed + BLOCK - 1) / BLOCK;
        if (blocksNeeded > blocks.length) {
            float[][] grown = Arrays.copyOf(blocks, Math.max(blocksNeeded, blocks.length * 2));
            for (int b = blocks.length; b < grown.length; b++) {
                grown[b] = new float[BLOCK * dimension];
            }
            blocks = grown;
        }
    }

    private void clear(String newModel) {
        model = newModel;
        seenChange = 0;
        dimension = 0;
        size = 0;
        blocks = new float[0][];
        seqs = new long[0];
        scopes = new int[0];
        owners = new int[0];
        entries = new Entry[0];
        tags = new String[0][];
        slotOfSeq.clear();
        codes.clear();
    }

    private int code(String value) {
        return codes.computeIfAbsent(value, v -> codes.size());
    }

    private static String scopeKey(String store, String namespace) {
        return store + '\u0000' + namespace;
    }

    private record Scored(int slot, float similarity) implements Comparable<Scored> {
        @Override
        public int compareTo(Scored other) {
            return Float.compare(similarity, other.similarity);
        }
    }
}
