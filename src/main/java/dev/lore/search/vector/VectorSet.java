package dev.lore.search.vector;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.IntStream;

import dev.lore.search.embedding.TextVectors;
import dev.lore.search.entries.Entry;

/**
 * The vectors of one scope (store and namespace), in memory. Small sets are searched exhaustively. From
 * {@link #INDEX_FROM} vectors on, an inverted-file index (IVF) lets a query scan only the lists whose centroids are
 * nearest to it; vectors not yet assigned to a list (added before or while the index was built) sit in a spill list
 * that every query scans. Each list also keeps its members' vectors as bytes, side by side: a query reads the probed
 * lists as contiguous arrays (reading them in order is several times faster than following member slots into the
 * blocks), then re-scores its shortlist with the exact vectors. Not thread-safe:
 * {@link InMemoryVectorIndex} guards it with a read-write lock.
 */
final class VectorSet {

    static final int INDEX_FROM = 20_000;
    private static final int BLOCK = 1024;
    private static final int PARALLEL_FROM = 20_000;
    private static final int KMEANS_ROUNDS = 6;
    private static final int SAMPLE_PER_LIST = 20;
    /** The members a list has room for when it is made, and the fewest it is fitted to. */
    private static final int LIST_CAPACITY = 16;

    record Scored(int slot, float similarity) implements Comparable<Scored> {
        @Override
        public int compareTo(Scored other) {
            return Float.compare(similarity, other.similarity);
        }
    }

    /** A trained index, not yet installed: its centroids and the set size it was trained at. */
    record Centroids(float[] values, int count, int trainedAtSize) {
    }

    private final int dimension;
    private int size;
    private float[][] blocks = new float[0][];
    private long[] seqs = new long[0];
    private int[] owners = new int[0];
    private Entry[] entries = new Entry[0];
    private String[][] tags = new String[0][];
    private final Map<Long, Integer> slotOfSeq = new HashMap<>();

    private float[] centroids;
    private int lists;
    private int indexedAtSize;
    private int[] listOf = new int[0];
    private int[] positionInList = new int[0];
    private int[][] members = new int[0][];
    private int[] memberCounts = new int[0];
    private byte[][] codes = new byte[0][];
    private float[][] codeScales = new float[0][];

    VectorSet(int dimension) {
        this.dimension = dimension;
    }

    int size() {
        return size;
    }

    void put(long seq, Entry entry, int owner, String[] entryTags, float[] vector) {
        Integer slot = slotOfSeq.get(seq);
        if (slot == null) {
            slot = size++;
            ensureCapacity(size);
            slotOfSeq.put(seq, slot);
            listOf[slot] = -1;
        } else {
            leaveList(slot);
        }
        seqs[slot] = seq;
        owners[slot] = owner;
        entries[slot] = entry;
        tags[slot] = entryTags;
        System.arraycopy(vector, 0, blocks[slot / BLOCK], (slot % BLOCK) * dimension, dimension);
        joinList(slot, centroids == null ? spill() : nearestList(vector));
    }

    void remove(long seq) {
        Integer slot = slotOfSeq.remove(seq);
        if (slot == null) {
            return;
        }
        leaveList(slot);
        int last = --size;
        if (slot != last) {
            int list = listOf[last];
            leaveList(last);
            seqs[slot] = seqs[last];
            owners[slot] = owners[last];
            entries[slot] = entries[last];
            tags[slot] = tags[last];
            System.arraycopy(blocks[last / BLOCK], (last % BLOCK) * dimension, blocks[slot / BLOCK],
                    (slot % BLOCK) * dimension, dimension);
            slotOfSeq.put(seqs[slot], slot);
            joinList(slot, list);
        }
        entries[last] = null;
        tags[last] = null;
    }

    Entry entry(long seq) {
        Integer slot = slotOfSeq.get(seq);
        return slot == null ? null : entries[slot];
    }

    Float similarity(long seq, float[] query) {
        Integer slot = slotOfSeq.get(seq);
        return slot == null ? null : dot(query, slot);
    }

    /** The {@code limit} vectors most similar to the query that pass the owner (-1: any) and tag filters. */
    PriorityQueue<Scored> nearest(float[] query, int owner, List<String> requiredTags, int limit) {
        if (centroids != null) {
            int[] probed = probedLists(query);
            int shortlist = 2 * limit;
            PriorityQueue<Scored> approximate = merge(IntStream.range(0, probed.length).parallel()
                    .mapToObj(p -> scanList(probed[p], query, owner, requiredTags, shortlist)).toList(), shortlist);
            PriorityQueue<Scored> best = new PriorityQueue<>();
            approximate.forEach(s -> offer(best, new Scored(s.slot(), dot(query, s.slot())), limit));
            if (best.size() >= limit) {
                return best;
            }
        }
        int parts = size >= PARALLEL_FROM ? Runtime.getRuntime().availableProcessors() : 1;
        int chunk = (size + parts - 1) / parts;
        return merge(IntStream.range(0, parts).parallel().mapToObj(p -> {
            PriorityQueue<Scored> found = new PriorityQueue<>();
            for (int slot = p * chunk; slot < Math.min(size, (p + 1) * chunk); slot++) {
                consider(found, slot, query, owner, requiredTags, limit);
            }
            return found;
        }).toList(), limit);
    }

    private static PriorityQueue<Scored> merge(List<PriorityQueue<Scored>> partial, int limit) {
        PriorityQueue<Scored> best = new PriorityQueue<>();
        partial.forEach(q -> q.forEach(s -> offer(best, s, limit)));
        return best;
    }

    Entry entryAt(int slot) {
        return entries[slot];
    }

    /** Whether an index should be (re)built: the set is large and has doubled since the last build, or has none. */
    boolean wantsIndex() {
        return size >= INDEX_FROM && (centroids == null || size >= 2 * indexedAtSize);
    }

    /** A copy of vectors spread over the set, to train centroids on outside the lock. */
    float[][] sample(Random random) {
        int lists = (int) Math.max(16, Math.sqrt(size));
        int count = Math.min(size, lists * SAMPLE_PER_LIST);
        float[][] sample = new float[count][];
        for (int i = 0; i < count; i++) {
            sample[i] = vector(random.nextInt(size));
        }
        return sample;
    }

    /** k-means (spherical, a few Lloyd rounds) over a sample: one centroid per list. */
    static Centroids train(float[][] sample, int trainedAtSize, Random random) {
        int count = (int) Math.max(16, Math.sqrt(trainedAtSize));
        int dimension = sample[0].length;
        float[] values = new float[count * dimension];
        for (int c = 0; c < count; c++) {
            System.arraycopy(sample[random.nextInt(sample.length)], 0, values, c * dimension, dimension);
        }
        int[] assigned = new int[sample.length];
        for (int round = 0; round < KMEANS_ROUNDS; round++) {
            for (int i = 0; i < sample.length; i++) {
                assigned[i] = nearest(values, count, dimension, sample[i]);
            }
            float[] sums = new float[count * dimension];
            for (int i = 0; i < sample.length; i++) {
                for (int d = 0; d < dimension; d++) {
                    sums[assigned[i] * dimension + d] += sample[i][d];
                }
            }
            for (int c = 0; c < count; c++) {
                float[] centroid = TextVectors.normalize(Arrays.copyOfRange(sums, c * dimension, (c + 1) * dimension));
                if (!isZero(centroid)) { // an empty cluster keeps its previous centroid
                    System.arraycopy(centroid, 0, values, c * dimension, dimension);
                }
            }
        }
        return new Centroids(values, count, trainedAtSize);
    }

    /** Installs trained centroids; every vector goes to the spill list until {@link #assign} places it. */
    void install(Centroids trained) {
        centroids = trained.values();
        lists = trained.count();
        indexedAtSize = trained.trainedAtSize();
        members = new int[lists + 1][];
        memberCounts = new int[lists + 1];
        codes = new byte[lists + 1][];
        codeScales = new float[lists + 1][];
        for (int list = 0; list < lists; list++) {
            emptyList(list, LIST_CAPACITY);
        }
        emptyList(spill(), Math.max(LIST_CAPACITY, size));
        for (int slot = 0; slot < size; slot++) {
            listOf[slot] = -1;
            joinList(slot, spill());
        }
    }

    /** Moves up to {@code count} vectors from the spill list to their nearest list; returns how many remain. */
    int assign(int count) {
        if (centroids == null) {
            return 0;
        }
        for (int i = 0; i < count && memberCounts[spill()] > 0; i++) {
            int slot = members[spill()][memberCounts[spill()] - 1];
            leaveList(slot);
            joinList(slot, nearestList(vector(slot)));
        }
        if (memberCounts[spill()] == 0) { // it held the whole set while the index was installed: let that go
            emptyList(spill(), LIST_CAPACITY);
            fitLists();
        }
        return memberCounts[spill()];
    }

    /** Gives each list arrays of its own size: the lists grew by doubling while the set was assigned to them. */
    private void fitLists() {
        for (int list = 0; list < lists; list++) {
            resizeList(list, Math.max(LIST_CAPACITY, memberCounts[list]));
        }
    }

    private int[] probedLists(float[] query) {
        int probes = Math.max(8, lists / 10);
        PriorityQueue<Scored> nearest = new PriorityQueue<>();
        for (int list = 0; list < lists; list++) {
            offer(nearest, new Scored(list, Vectors.dot(query, centroids, list * dimension, dimension)), probes);
        }
        int[] probed = new int[nearest.size() + 1];
        int i = 0;
        for (Scored s : nearest) {
            probed[i++] = s.slot();
        }
        probed[i] = spill();
        return probed;
    }

    /** The members of a list most similar to the query by their byte vectors (approximate similarities). */
    private PriorityQueue<Scored> scanList(int list, float[] query, int owner, List<String> requiredTags, int limit) {
        PriorityQueue<Scored> found = new PriorityQueue<>();
        byte[] listCodes = codes[list];
        for (int i = 0; i < memberCounts[list]; i++) {
            int slot = members[list][i];
            if (passes(slot, owner, requiredTags)) {
                keep(found, slot, codeScales[list][i] * Vectors.dot(query, listCodes, i * dimension, dimension), limit);
            }
        }
        return found;
    }

    private void consider(PriorityQueue<Scored> best, int slot, float[] query, int owner, List<String> requiredTags,
            int limit) {
        if (passes(slot, owner, requiredTags)) {
            keep(best, slot, dot(query, slot), limit);
        }
    }

    private boolean passes(int slot, int owner, List<String> requiredTags) {
        return (owner == -1 || owners[slot] == owner)
                && (requiredTags.isEmpty() || Arrays.asList(tags[slot]).containsAll(requiredTags));
    }

    private static void keep(PriorityQueue<Scored> best, int slot, float similarity, int limit) {
        if (best.size() < limit || similarity > best.peek().similarity()) {
            offer(best, new Scored(slot, similarity), limit);
        }
    }

    static void offer(PriorityQueue<Scored> best, Scored scored, int limit) {
        best.add(scored);
        if (best.size() > limit) {
            best.poll();
        }
    }

    private float dot(float[] query, int slot) {
        return Vectors.dot(query, blocks[slot / BLOCK], (slot % BLOCK) * dimension, dimension);
    }

    private float[] vector(int slot) {
        return Arrays.copyOfRange(blocks[slot / BLOCK], (slot % BLOCK) * dimension, (slot % BLOCK) * dimension + dimension);
    }

    private int nearestList(float[] vector) {
        return nearest(centroids, lists, dimension, vector);
    }

    private static int nearest(float[] centroids, int count, int dimension, float[] vector) {
        int best = 0;
        float bestSimilarity = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < count; c++) {
            float similarity = Vectors.dot(vector, centroids, c * dimension, dimension);
            if (similarity > bestSimilarity) {
                bestSimilarity = similarity;
                best = c;
            }
        }
        return best;
    }

    private static boolean isZero(float[] vector) {
        for (float x : vector) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** The list of vectors waiting to be assigned (scanned by every query). */
    private int spill() {
        return lists;
    }

    private void joinList(int slot, int list) {
        if (centroids == null || list < 0) {
            return;
        }
        if (memberCounts[list] == members[list].length) {
            resizeList(list, members[list].length * 2);
        }
        int position = memberCounts[list]++;
        members[list][position] = slot;
        encode(slot, list, position);
        positionInList[slot] = position;
        listOf[slot] = list;
    }

    /** Gives a list room for this many members, keeping those it has. */
    private void resizeList(int list, int capacity) {
        members[list] = Arrays.copyOf(members[list], capacity);
        codes[list] = Arrays.copyOf(codes[list], capacity * dimension);
        codeScales[list] = Arrays.copyOf(codeScales[list], capacity);
    }

    private void emptyList(int list, int capacity) {
        members[list] = new int[capacity];
        codes[list] = new byte[capacity * dimension];
        codeScales[list] = new float[capacity];
    }

    /** Stores a slot's vector as bytes at its position in a list: each component over the largest one, times 127. */
    private void encode(int slot, int list, int position) {
        float[] block = blocks[slot / BLOCK];
        int offset = (slot % BLOCK) * dimension;
        float largest = 0;
        for (int d = 0; d < dimension; d++) {
            largest = Math.max(largest, Math.abs(block[offset + d]));
        }
        float scale = largest / 127;
        byte[] listCodes = codes[list];
        int at = position * dimension;
        for (int d = 0; d < dimension; d++) {
            listCodes[at + d] = scale == 0 ? 0 : (byte) Math.round(block[offset + d] / scale);
        }
        codeScales[list][position] = scale;
    }

    private void leaveList(int slot) {
        int list = listOf[slot];
        if (list < 0) {
            return;
        }
        int position = positionInList[slot];
        int lastPosition = --memberCounts[list];
        int last = members[list][lastPosition];
        members[list][position] = last;
        System.arraycopy(codes[list], lastPosition * dimension, codes[list], position * dimension, dimension);
        codeScales[list][position] = codeScales[list][lastPosition];
        positionInList[last] = position;
        listOf[slot] = -1;
    }

    private void ensureCapacity(int needed) {
        if (needed > seqs.length) {
            int capacity = Math.max(BLOCK, seqs.length * 2);
            seqs = Arrays.copyOf(seqs, capacity);
            owners = Arrays.copyOf(owners, capacity);
            entries = Arrays.copyOf(entries, capacity);
            tags = Arrays.copyOf(tags, capacity);
            listOf = Arrays.copyOf(listOf, capacity);
            positionInList = Arrays.copyOf(positionInList, capacity);
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
}
