package dev.lore.search.ranking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lore.search.SearchHit;
import dev.lore.search.entries.Entry;
import dev.lore.search.keyword.KeywordHit;
import dev.lore.search.keyword.KeywordMatches;
import dev.lore.search.keyword.QueryTerms;
import dev.lore.search.vector.VectorHit;

class FusionTest {

    /** The defaults, with the confirmation, recency and question weights chosen by each test. */
    record Settings(double confirmationWeight, double recencyWeight, double questionDiscount) implements SearchSettings {

        @Override
        public double keywordWeight() {
            return 0.5;
        }

        @Override
        public double keywordCoverage() {
            return 0.35;
        }

        @Override
        public double neighbourShare() {
            return 0.45;
        }

        @Override
        public int neighbourWindow() {
            return 2;
        }

        @Override
        public double tagBoost() {
            return 0.3;
        }

        @Override
        public Duration recencyHalfLife() {
            return Duration.ofDays(30);
        }

        @Override
        public double duplicateSimilarity() {
            return 0.965;
        }
    }

    static final SearchSettings SETTINGS = new Settings(0.1, 0, 0.4);

    static Entry entry(long seq, String session, int position) {
        return new Entry(seq, "item-" + seq, session, position);
    }

    /** A keyword index's answer whose best hit is a full match of the query's words. */
    static KeywordMatches keywords(KeywordHit... hits) {
        double best = Arrays.stream(hits).mapToDouble(KeywordHit::relevance).max().orElse(0);
        return new KeywordMatches(List.of(hits), best);
    }

    static List<String> ranking(Fusion fusion) {
        return fusion.top(10).stream().map(SearchHit::itemId).toList();
    }

    @Test
    void anItemBothListsFoundOutranksOneFoundByEitherAlone() {
        Fusion fusion = new Fusion(SETTINGS,
                List.of(new VectorHit(entry(1, null, 0), 0.90), new VectorHit(entry(2, null, 0), 0.80),
                        new VectorHit(entry(3, null, 0), 0.50)),
                keywords(new KeywordHit(entry(4, null, 0), 9.0, List.of("egress")),
                        new KeywordHit(entry(2, null, 0), 8.0, List.of("cloud")),
                        new KeywordHit(entry(5, null, 0), 1.0, List.of("cost"))));
        fusion.lendToNeighbours();

        assertThat(ranking(fusion)).startsWith("item-2");
        SearchHit both = fusion.top(10).get(0);
        assertThat(both.similarity()).isEqualTo(0.80);
        assertThat(both.matchedTerms()).containsExactly("cloud");
    }

    @Test
    void scoresAreNormalisedPerListSoNeitherScaleDominates() {
        List<VectorHit> semantic = List.of(new VectorHit(entry(1, null, 0), 0.99), new VectorHit(entry(2, null, 0), 0.98),
                new VectorHit(entry(3, null, 0), 0.97));
        Fusion bm25 = new Fusion(SETTINGS, semantic,
                keywords(new KeywordHit(entry(3, null, 0), 8.0, List.of("x")),
                        new KeywordHit(entry(2, null, 0), 4.0, List.of("y"))));
        Fusion scaledUp = new Fusion(SETTINGS, semantic,
                keywords(new KeywordHit(entry(3, null, 0), 8000.0, List.of("x")),
                        new KeywordHit(entry(2, null, 0), 4000.0, List.of("y"))));
        bm25.lendToNeighbours();
        scaledUp.lendToNeighbours();

        assertThat(bm25.top(10)).extracting(SearchHit::score).allSatisfy(score -> assertThat(score).isBetween(0.0, 1.0));
        assertThat(scoreOf(bm25, "item-1")).isEqualTo(0.5);
        assertThat(scoreOf(bm25, "item-2")).as("half the similarity span, half the best relevance")
                .isEqualTo(0.5, offset(1e-9));
        assertThat(scoreOf(bm25, "item-3")).isEqualTo(0.5);
        assertThat(ranking(scaledUp)).isEqualTo(ranking(bm25));
        assertThat(scoreOf(scaledUp, "item-2")).isEqualTo(scoreOf(bm25, "item-2"), offset(1e-9));
    }

    @Test
    void keywordScoresCountLessWhenTheBestMatchCoversLittleOfTheQuery() {
        List<VectorHit> semantic = List.of(new VectorHit(entry(1, null, 0), 0.80),
                new VectorHit(entry(2, null, 0), 0.60), new VectorHit(entry(3, null, 0), 0.40));
        List<KeywordHit> incidental = List.of(new KeywordHit(entry(2, null, 0), 3.0, List.of("bill")));
        Fusion gist = new Fusion(SETTINGS, semantic, new KeywordMatches(incidental, 3.0));
        Fusion aFifth = new Fusion(SETTINGS, semantic, new KeywordMatches(incidental, 15.0));
        Fusion aThird = new Fusion(SETTINGS, semantic, new KeywordMatches(incidental, 3.0 / 0.35));
        gist.lendToNeighbours();
        aFifth.lendToNeighbours();
        aThird.lendToNeighbours();

        assertThat(ranking(gist)).as("a match on the query's gist counts in full").startsWith("item-2");
        assertThat(scoreOf(gist, "item-2")).isEqualTo(0.5 * 0.5 + 0.5, offset(1e-9));
        assertThat(ranking(aFifth)).as("a match on a fifth of it").startsWith("item-1");
        assertThat(scoreOf(aFifth, "item-2")).isEqualTo(0.5 * 0.5 + 0.5 * Math.pow(0.2 / 0.35, 3), offset(1e-9));
        assertThat(scoreOf(aThird, "item-2")).as("at the coverage setting, in full").isEqualTo(0.75, offset(1e-9));
    }

    @Test
    void aDeeperSemanticListForMoreResultsKeepsTheScaleAndTheOrder() {
        List<VectorHit> asked10 = semanticList(Fusion.FLOOR_RANK);
        List<VectorHit> asked30 = semanticList(Fusion.FLOOR_RANK * 3);
        KeywordMatches keyword = keywords(new KeywordHit(entry(40, null, 0), 6.0, List.of("egress")),
                new KeywordHit(entry(2, null, 0), 3.0, List.of("egress")));
        Fusion shallow = new Fusion(SETTINGS, asked10, keyword);
        Fusion deep = new Fusion(SETTINGS, asked30, keyword);
        shallow.lendToNeighbours();
        deep.lendToNeighbours();

        assertThat(scoreOf(shallow, "item-50")).as("the floor: the list's 50th").isEqualTo(0.0, offset(1e-9));
        assertThat(deep.top(10)).containsExactlyElementsOf(shallow.top(10));
        assertThat(ranking(deep).get(0)).isEqualTo("item-2");
    }

    /** Similarities from 0.9 down by 0.002 per rank, most similar first, as a vector index returns them. */
    private static List<VectorHit> semanticList(int length) {
        List<VectorHit> hits = new ArrayList<>();
        for (int rank = 1; rank <= length; rank++) {
            hits.add(new VectorHit(entry(rank, null, 0), 0.9 - 0.002 * rank));
        }
        return hits;
    }

    @Test
    void aHitLendsScoreToWhatWasSavedNextToItInTheSameSession() {
        Entry question = entry(10, "s1", 4);
        Entry answer = entry(11, "s1", 5);
        Entry farAway = entry(14, "s1", 8);
        Entry otherSession = entry(20, "s2", 5);
        Entry weak = entry(30, "s3", 1);
        Fusion fusion = new Fusion(SETTINGS,
                List.of(new VectorHit(question, 0.90), new VectorHit(weak, 0.60), new VectorHit(farAway, 0.50),
                        new VectorHit(otherSession, 0.50)),
                KeywordMatches.NONE);
        fusion.add(List.of(answer));
        fusion.similarities(Map.of(answer.seq(), 0.50));
        fusion.lendToNeighbours();

        assertThat(ranking(fusion)).containsSubsequence("item-10", "item-11", "item-30")
                .containsSubsequence("item-30", "item-14");
        assertThat(scoreOf(fusion, "item-14")).isEqualTo(scoreOf(fusion, "item-20"));
    }

    @Test
    void itemsCarryingATagTheQueryNamesAreBoosted() {
        Fusion fusion = new Fusion(SETTINGS,
                List.of(new VectorHit(entry(1, null, 0), 0.90), new VectorHit(entry(2, null, 0), 0.85),
                        new VectorHit(entry(3, null, 0), 0.10)),
                KeywordMatches.NONE);
        fusion.lendToNeighbours();
        fusion.boostTags(Map.of(2L, Set.of("payments"), 1L, Set.of("data pipeline")),
                QueryTerms.of("retry policy for payments"), "retry policy for payments");
        assertThat(ranking(fusion)).startsWith("item-2", "item-1");

        Fusion phrase = new Fusion(SETTINGS,
                List.of(new VectorHit(entry(1, null, 0), 0.89), new VectorHit(entry(2, null, 0), 0.90),
                        new VectorHit(entry(3, null, 0), 0.10)),
                KeywordMatches.NONE);
        phrase.lendToNeighbours();
        phrase.boostTags(Map.of(1L, Set.of("data pipeline")),
                QueryTerms.of("the pipeline for data"), "the pipeline for data");
        assertThat(ranking(phrase)).as("a tag of several words must appear as a phrase").startsWith("item-2");
    }

    @Test
    void withoutAnySimilarityTheKeywordScoreDecides() {
        Fusion fusion = new Fusion(SETTINGS, List.of(),
                keywords(new KeywordHit(entry(1, null, 0), 2.0, List.of("a")),
                        new KeywordHit(entry(2, null, 0), 5.0, List.of("b"))));
        assertThat(fusion.withoutSimilarity()).containsExactlyInAnyOrder(1L, 2L);
        fusion.lendToNeighbours();
        assertThat(ranking(fusion)).as("the weakest keyword match still counts").containsExactly("item-2", "item-1");
        assertThat(scoreOf(fusion, "item-1")).isEqualTo(scoreOf(fusion, "item-2") * 2 / 5, offset(1e-9));
    }

    static double scoreOf(Fusion fusion, String itemId) {
        return fusion.top(Integer.MAX_VALUE).stream().filter(h -> h.itemId().equals(itemId)).findFirst().orElseThrow()
                .score();
    }

    @Test
    void anItemWhoseBestPassageMatchesOutranksOneWhoseWholeTextMatchesSlightlyBetter() {
        Fusion fusion = new Fusion(SETTINGS,
                List.of(new VectorHit(entry(1, null, 0), 0.70), new VectorHit(entry(2, null, 0), 0.66),
                        new VectorHit(entry(3, null, 0), 0.40)),
                KeywordMatches.NONE);
        fusion.passages(Map.of(2L, 0.86, 3L, 0.42));
        fusion.lendToNeighbours();

        assertThat(ranking(fusion)).as("item-1 has no passages: its text is one sentence")
                .startsWith("item-2", "item-1");
        assertThat(fusion.top(10).get(0).similarity()).as("the mean of the text's and the best passage's")
                .isCloseTo(0.76, offset(1e-9));
        assertThat(fusion.top(10).get(0).score()).as("normalised again over the blended similarities").isEqualTo(0.5);
    }

    static Fusion closeCall(SearchSettings settings) {
        Fusion fusion = new Fusion(settings,
                List.of(new VectorHit(entry(1, null, 0), 0.90), new VectorHit(entry(2, null, 0), 0.88),
                        new VectorHit(entry(3, null, 0), 0.10)),
                KeywordMatches.NONE);
        fusion.lendToNeighbours();
        return fusion;
    }

    @Test
    void anItemConfirmedByMoreSavesWeighsMore() {
        Instant now = Instant.now();
        Map<Long, Standing> standings = Map.of(1L, new Standing(1, now, 0), 2L, new Standing(4, now, 0));

        Fusion weighed = closeCall(SETTINGS);
        weighed.weigh(standings, now);
        assertThat(ranking(weighed)).startsWith("item-2", "item-1");
        assertThat(scoreOf(weighed, "item-2")).as("two doublings of confirmations: 1 + 2 x 0.1")
                .isCloseTo(1.2 * scoreOf(closeCall(SETTINGS), "item-2"), offset(1e-9));

        Fusion unweighed = closeCall(new Settings(0, 0, 0));
        unweighed.weigh(standings, now);
        assertThat(ranking(unweighed)).as("weight 0: confirmations do not count").startsWith("item-1", "item-2");
    }

    @Test
    void recentlyConfirmedItemsWeighMoreOnlyWhenRecencyIsOn() {
        Instant now = Instant.now();
        Map<Long, Standing> standings = Map.of(1L, new Standing(1, now.minus(Duration.ofDays(60)), 0),
                2L, new Standing(1, now, 0));

        Fusion recent = closeCall(new Settings(0, 0.5, 0));
        recent.weigh(standings, now);
        assertThat(ranking(recent)).startsWith("item-2", "item-1");
        assertThat(new Standing(1, now.minus(Duration.ofDays(30)), 0).weight(new Settings(0, 0.5, 0), now))
                .as("one half-life old: half the recency weight").isCloseTo(1.25, offset(1e-9));

        Fusion off = closeCall(SETTINGS);
        off.weigh(standings, now);
        assertThat(ranking(off)).as("recency off by default: an old item is not a worse one")
                .startsWith("item-1", "item-2");
    }

    @Test
    void anItemThatOnlyAsksWeighsLessThanOneThatStates() {
        Instant now = Instant.now();
        Standing question = Standing.of(1, now, "Ledger\nWhich database holds the ledger?");
        Standing statement = Standing.of(1, now, "Ledger\nThe ledger lives in PostgreSQL.");
        assertThat(question.askingShare()).as("five words of six ask").isCloseTo(5.0 / 6, offset(1e-9));
        assertThat(statement.askingShare()).isZero();
        assertThat(Standing.of(1, now, "We moved the ledger to PostgreSQL. Why?").askingShare())
                .isCloseTo(1.0 / 7, offset(1e-9));
        assertThat(Standing.of(1, now, "She asked: \"which one?\"").askingShare()).isEqualTo(1.0);

        Map<Long, Standing> standings = Map.of(1L, question, 2L, statement);
        Fusion weighed = closeCall(SETTINGS);
        weighed.weigh(standings, now);
        assertThat(ranking(weighed)).startsWith("item-2", "item-1");
        assertThat(scoreOf(weighed, "item-1")).isCloseTo((1 - 0.4 * 5 / 6) * scoreOf(closeCall(SETTINGS), "item-1"),
                offset(1e-9));

        Fusion off = closeCall(new Settings(0.1, 0, 0));
        off.weigh(standings, now);
        assertThat(ranking(off)).as("discount 0: asking does not count").startsWith("item-1", "item-2");
    }
}
