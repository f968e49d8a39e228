package dev.lore.search.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lore.search.embedding.TextVectors;
import dev.lore.search.entries.Entry;

class VectorSetTest {

    static final int DIMENSION = 64;
    /** The seq of the first vector a test stores besides the clustered set: vector i is entry STORED + i. */
    static final long STORED = 500_000;

    static float[] around(float[] centre, Random random, double spread) {
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) (centre[i] + random.nextGaussian() * spread / Math.sqrt(DIMENSION));
        }
        return TextVectors.normalize(v);
    }

    static VectorSet clustered(int size, Random random) {
        float[][] centres = new float[100][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = around(new float[DIMENSION], random, 1);
        }
        VectorSet set = new VectorSet(DIMENSION);
        for (int i = 0; i < size; i++) {
            set.put(i, new Entry(i, "item-" + i, null, 0), -1, new String[0], around(centres[i % 100], random, 0.7));
        }
        return set;
    }

    static Set<Long> top(VectorSet set, float[] query, int limit) {
        PriorityQueue<VectorSet.Scored> best = set.nearest(query, -1, List.of(), limit);
        Set<Long> seqs = new HashSet<>();
        best.forEach(s -> seqs.add(set.entryAt(s.slot()).seq()));
        return seqs;
    }

    @Test
    void theIndexFindsNearlyAllOfTheExactNearestNeighbours() {
        Random random = new Random(7);
        VectorSet set = clustered(VectorSet.INDEX_FROM, random);
        List<float[]> queries = new ArrayList<>();
        List<Set<Long>> exact = new ArrayList<>();
        for (int q = 0; q < 50; q++) {
            float[] query = around(new float[DIMENSION], random, 1);
            queries.add(query);
            exact.add(top(set, query, 10));
        }
        assertThat(set.wantsIndex()).isTrue();
        set.install(VectorSet.train(set.sample(random), set.size(), random));
        assertThat(set.assign(Integer.MAX_VALUE)).isZero();

        double found = 0;
        for (int q = 0; q < queries.size(); q++) {
            Set<Long> approximate = top(set, queries.get(q), 10);
            approximate.retainAll(exact.get(q));
            found += approximate.size() / 10.0;
        }
        assertThat(found / queries.size()).as("recall@10 against exhaustive search").isGreaterThanOrEqualTo(0.9);
        assertThat(set.wantsIndex()).isFalse();
    }

    @Test
    void vectorsAddedOrRemovedAfterIndexingAreFoundOrGone() {
        Random random = new Random(11);
        VectorSet set = clustered(VectorSet.INDEX_FROM, random);
        set.install(VectorSet.train(set.sample(random), set.size(), random));
        set.assign(5_000);

        float[] fresh = around(new float[DIMENSION], random, 1);
        set.put(999_999, new Entry(999_999, "fresh", null, 0), -1, new String[0], fresh);
        assertThat(top(set, fresh, 1)).containsExactly(999_999L);

        long removed = 123;
        set.remove(removed);
        set.assign(Integer.MAX_VALUE);
        assertThat(set.entry(removed)).isNull();
        assertThat(set.size()).isEqualTo(VectorSet.INDEX_FROM);
        for (int i = 0; i < 20; i++) {
            assertThat(top(set, around(new float[DIMENSION], random, 1), 10)).doesNotContain(removed);
        }
        assertThat(top(set, fresh, 1)).containsExactly(999_999L);
    }

    /** Vectors spread over the whole space, not around the clustered set's centres. */
    static List<float[]> spread(int count, Random random) {
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            vectors.add(around(new float[DIMENSION], random, 1));
        }
        return vectors;
    }

    /** Puts the vectors from index {@code from} (inclusive) to {@code to} (exclusive) into the set. */
    static void save(VectorSet set, List<float[]> vectors, int from, int to) {
        for (int i = from; i < to; i++) {
            set.put(STORED + i, new Entry(STORED + i, "stored-" + i, null, 0), -1, new String[0], vectors.get(i));
        }
    }

    static void assertEachFindsItselfFirst(VectorSet set, List<float[]> vectors) {
        for (int i = 0; i < vectors.size(); i++) {
            assertThat(top(set, vectors.get(i), 1)).as("stored vector %d", i).containsExactly(STORED + i);
        }
    }

    @Test
    void everyVectorFindsItselfFirstWhetherInAListOrStillWaitingForOne() {
        Random random = new Random(17);
        VectorSet set = clustered(VectorSet.INDEX_FROM, random);
        List<float[]> stored = spread(200, random);
        save(set, stored, 0, stored.size());
        set.install(VectorSet.train(set.sample(random), set.size(), random));
        set.assign(stored.size() / 2); // the last half of the stored vectors join lists, the rest wait

        assertEachFindsItselfFirst(set, stored);
    }

    @Test
    void listsFittedToTheirMembersStillFindThemAndTakeNewOnes() {
        Random random = new Random(19);
        VectorSet set = clustered(VectorSet.INDEX_FROM, random);
        List<float[]> stored = spread(500, random);
        save(set, stored, 0, 200);
        set.install(VectorSet.train(set.sample(random), set.size(), random));
        assertThat(set.assign(Integer.MAX_VALUE)).isZero(); // every list is now fitted to its members
        save(set, stored, 200, stored.size()); // each joins a full list, which must grow

        assertEachFindsItselfFirst(set, stored);
    }

    @Test
    void indexedSearchesReturnExactSimilaritiesInOrder() {
        Random random = new Random(13);
        VectorSet set = clustered(VectorSet.INDEX_FROM, random);
        float[] probe = around(new float[DIMENSION], random, 1);
        set.put(777_777, new Entry(777_777, "probe", null, 0), -1, new String[0], probe);
        set.install(VectorSet.train(set.sample(random), set.size(), random));
        set.assign(Integer.MAX_VALUE);

        float[] query = around(probe, random, 0.2);
        List<VectorSet.Scored> hits = new ArrayList<>(set.nearest(query, -1, List.of(), 10));
        hits.sort(Comparator.comparing(VectorSet.Scored::similarity).reversed());
        assertThat(set.entryAt(hits.get(0).slot()).seq()).isEqualTo(777_777L);
        assertThat(hits.get(0).similarity()).isEqualTo(Vectors.dot(query, probe));
        for (VectorSet.Scored hit : hits) {
            assertThat(hit.similarity()).isEqualTo(set.similarity(set.entryAt(hit.slot()).seq(), query));
        }
    }

    @Test
    void ownerAndTagFiltersApply() {
        VectorSet set = new VectorSet(2);
        set.put(1, new Entry(1, "a", null, 0), 0, new String[] { "x" }, new float[] { 1, 0 });
        set.put(2, new Entry(2, "b", null, 0), 1, new String[] { "x", "y" }, new float[] { 0.9f, 0.1f });
        set.put(3, new Entry(3, "c", null, 0), 1, new String[0], TextVectors.normalize(new float[] { 0.8f, 0.2f }));
        assertThat(top(set, new float[] { 1, 0 }, 3)).containsExactlyInAnyOrder(1L, 2L, 3L);
        PriorityQueue<VectorSet.Scored> owned = set.nearest(new float[] { 1, 0 }, 1, List.of(), 3);
        assertThat(owned).extracting(s -> set.entryAt(s.slot()).seq()).containsExactlyInAnyOrder(2L, 3L);
        PriorityQueue<VectorSet.Scored> tagged = set.nearest(new float[] { 1, 0 }, -1, List.of("x", "y"), 3);
        assertThat(tagged).extracting(s -> set.entryAt(s.slot()).seq()).containsExactly(2L);
    }
}
