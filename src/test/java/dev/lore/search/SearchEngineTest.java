package dev.lore.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.search.embedding.Embeddings;
import dev.lore.search.embedding.TextVectors;
import dev.lore.search.entries.Entry;
import dev.lore.search.entries.SearchEntry;
import dev.lore.search.entries.SearchEntryRepository;
import dev.lore.search.keyword.KeywordHit;
import dev.lore.search.keyword.KeywordIndex;
import dev.lore.search.keyword.KeywordMatches;
import dev.lore.search.keyword.QueryTerms;
import dev.lore.search.ranking.SearchSettings;
import dev.lore.search.ranking.Standing;
import dev.lore.search.vector.VectorIndex;
import dev.lore.search.vector.Vectors;
import dev.lore.storage.Confirmable;
import dev.lore.testing.Namespaces;
import dev.lore.testing.TestStores;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The engine on its own, with items of a store that exists only here. */
@QuarkusTest
class SearchEngineTest {

    static final String STORE = "engine-test";

    @Inject
    SearchEngine engine;

    @Inject
    VectorIndex vectors;

    @Inject
    KeywordIndex keywords;

    @Inject
    SearchEntryRepository entries;

    @Inject
    Reembedder reembedder;

    @Inject
    Embeddings embeddings;

    @Inject
    DataSource dataSource;

    @Inject
    SearchSettings settings;

    String index(String namespace, String owner, String text) {
        return index(UUID.randomUUID().toString(), namespace, owner, text);
    }

    String index(String id, String namespace, String owner, String text) {
        return index(id, namespace, owner, "s-" + namespace, text);
    }

    /** Indexes an item saved outside any session, so that no neighbour lends it a share. */
    String indexAlone(String namespace, String text) {
        return index(UUID.randomUUID().toString(), namespace, null, null, text);
    }

    /** Indexes many items outside any session, in one transaction, found by their words alone (no vectors). */
    void indexWithoutVectors(String namespace, int count, IntFunction<String> text) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                engine.index(new IndexEntry(STORE, UUID.randomUUID().toString(), namespace, null, null, text.apply(i),
                        List.of(), IndexEntry.savedOnce(Instant.now())), null);
            }
        });
    }

    String index(String id, String namespace, String owner, String session, String text) {
        return index(id, namespace, owner, session, List.of(), text);
    }

    String index(String id, String namespace, String owner, String session, List<String> tags, String text) {
        TextVectors embedded = engine.embedded(text);
        QuarkusTransaction.requiringNew().run(() -> engine.index(
                new IndexEntry(STORE, id, namespace, owner, session, text, tags, IndexEntry.savedOnce(Instant.now())),
                embedded));
        return id;
    }

    List<String> found(String namespace, String owner, String query) {
        return found(namespace, owner, List.of(), query);
    }

    List<String> found(String namespace, String owner, List<String> tags, String query) {
        return engine.search(new SearchScope(STORE, namespace, owner, tags), query, 10).stream()
                .map(SearchHit::itemId).toList();
    }

    @Test
    void aQueryAskedAgainRightAwayIsNotEmbeddedAgain() {
        String query = "which cache eviction policy did we pick " + UUID.randomUUID();
        float[] first = embeddings.query(query);
        assertThat(embeddings.query(query)).isSameAs(first);

        for (int i = 0; i < Embeddings.REMEMBERED_QUERIES; i++) {
            embeddings.query("another question " + i + " " + UUID.randomUUID());
        }
        float[] later = embeddings.query(query);
        assertThat(later).isNotSameAs(first).containsExactly(first);
    }

    @Test
    void eachHitSaysWhyItMatched() {
        String namespace = Namespaces.fresh();
        index(namespace, null, "The nightly ETL job fails whenever the upstream CSV export is late");
        SearchHit hit = engine.search(SearchScope.shared(STORE, namespace, List.of()), "why did the ETL job break?", 1)
                .get(0);
        assertThat(hit.matchedTerms()).containsExactly("etl", "job");
        assertThat(hit.similarity()).isBetween(0.5, 1.0);
        assertThat(hit.score()).isPositive();
    }

    @Test
    void aRareWordOfTheQueryWeighsMoreThanACommonOne() {
        String namespace = Namespaces.fresh();
        for (int i = 0; i < 8; i++) {
            index(namespace, null, "Deploy service number " + i + " to the cluster");
        }
        String rare = index(namespace, null, "Zookeeper lost quorum on the cluster");

        List<KeywordHit> hits = keywords.search(SearchScope.shared(STORE, namespace, List.of()),
                QueryTerms.of("deploy zookeeper"), 10).hits();

        assertThat(hits).hasSize(9);
        assertThat(hits.get(0).entry().itemId()).isEqualTo(rare);
        assertThat(hits.get(0).relevance()).as("each word appears once: only rarity sets them apart")
                .isGreaterThan(hits.get(1).relevance());
    }

    @Test
    void aFullMatchIsWhatTheBestItemScoresWhenItMatchesEveryWordOfTheQuery() {
        String namespace = Namespaces.fresh();
        for (int i = 0; i < 5; i++) {
            index(namespace, null, "Deploy service number " + i + " to the cluster");
        }
        index(namespace, null, "Zookeeper lost quorum on the cluster");
        SearchScope scope = SearchScope.shared(STORE, namespace, List.of());

        double everyWord = coverage(keywords.search(scope, QueryTerms.of("zookeeper quorum"), 10));
        double oneWordOfThree = coverage(keywords.search(scope, QueryTerms.of("zookeeper qwzxv vbnmq"), 10));

        assertThat(everyWord).as("each word once, in a text of about average length").isBetween(0.6, 1.4);
        assertThat(oneWordOfThree).as("no item holds the other two words").isLessThan(0.4 * everyWord);
    }

    @Test
    void wordsThatWouldMakeRankingReadTooManyRowsAreLeftOut() {
        assumeTrue(TestStores.isLocal(), "FTS5 counts the rows; PostgreSQL's pruning is in PostgresKeywordIndexTest");
        String namespace = Namespaces.fresh();
        String common = "everywhere" + System.nanoTime();
        indexWithoutVectors(namespace, KeywordIndex.RANKED_ROWS + 1,
                i -> "A note found " + common + " about service number " + i);
        String rare = indexAlone(namespace, "Zookeeper lost quorum " + common);

        assertThat(keywordHits(namespace, null, common + " zookeeper")).containsExactly(rare);
        assertThat(keywordHits(namespace, null, common)).as("every word is that common: keywords sit it out").isEmpty();
    }

    /**
     * A word's weight is its rarity among the scope's items: a word most of them hold says little there, however rare
     * it is in the rest of the store, and a word only one of them holds says much, however common it is elsewhere.
     */
    @Test
    void aWordRareInTheScopeOutweighsOneMostOfItHoldsWhateverTheRestOfTheStoreHolds() {
        String elsewhere = Namespaces.fresh();
        String namespace = Namespaces.fresh();
        String harbour = "harbour" + System.nanoTime();
        String zephyr = "zephyr" + System.nanoTime();
        indexWithoutVectors(elsewhere, 30, i -> "The " + harbour + " ferry schedule, week " + i);
        indexWithoutVectors(namespace, 6, i -> "The " + zephyr + " release notes, draft " + i);
        String rareHere = indexAlone(namespace, "The " + harbour + " office moves next spring");

        assertThat(keywordHits(namespace, null, zephyr + " " + harbour)).first().isEqualTo(rareHere);
    }

    /** A word said once in a short note says more of it than twice in a long one. */
    @Test
    void aShortItemHoldingAWordRanksAboveALongOneHoldingItMoreOften() {
        String namespace = Namespaces.fresh();
        String kestrel = "kestrel" + System.nanoTime();
        String shortNote = indexAlone(namespace, "The " + kestrel + " rollout is done");
        indexAlone(namespace, "Minutes of the quarterly planning meeting: the " + kestrel + " team reviewed the "
                + "roadmap, the hiring plan, the budget for the coming year, the office move, the on-call rota, the "
                + "incident reviews of the last three months, the customer survey, the pricing experiment, the "
                + "partner programme and the documentation backlog, and agreed that " + kestrel + " comes later.");

        assertThat(keywordHits(namespace, null, kestrel)).first().isEqualTo(shortNote);
    }

    /** Two forms of one word in a query are one term, as on PostgreSQL: "painted painting" weighs "paint" once. */
    @Test
    void aWordAskedInTwoFormsCountsOnce() {
        String namespace = Namespaces.fresh();
        indexAlone(namespace, "Melanie painted a sunrise over the lake last summer");
        indexAlone(namespace, "The pottery class meets on Tuesdays");
        SearchScope scope = SearchScope.shared(STORE, namespace, List.of());

        KeywordMatches once = keywords.search(scope, QueryTerms.of("painting sunrise"), 10);
        KeywordMatches twice = keywords.search(scope, QueryTerms.of("painting painted paints sunrise"), 10);

        assertThat(twice.hits().get(0).relevance()).isCloseTo(once.hits().get(0).relevance(), offset(1e-9));
        assertThat(twice.fullMatch()).isCloseTo(once.fullMatch(), offset(1e-9));
    }

    private static double coverage(KeywordMatches matches) {
        return matches.hits().get(0).relevance() / matches.fullMatch();
    }

    @Test
    void aQuestionWordedDifferentlyFindsItsAnswerBeforeAnItemSharingAnIncidentalWordWithIt() {
        String namespace = Namespaces.fresh();
        String egress = indexAlone(namespace, "Cloud costs\nWe're trying to reduce our cloud egress costs");
        indexAlone(namespace, "Legacy billing\nThe legacy billing code is written in COBOL and runs on a mainframe");
        indexAlone(namespace, "Staging\nUse the staging cluster for load tests, never production");
        indexAlone(namespace, "Friday deploys\nDeploys on Friday afternoons caused two production incidents");
        indexAlone(namespace, "Invoices\nCustomers in Germany need invoices that include the VAT number");
        indexAlone(namespace, "Hugo\nThe marketing site is built with Hugo and deployed from the main branch");

        assertThat(found(namespace, null, "How do we cut the bandwidth bill from our hosting provider?"))
                .startsWith(egress);
    }

    /**
     * Searches read outside transactions, so the HNSW scan settings must hold on the connection itself: a setting
     * local to a transaction is gone by the next statement, and a filtered scan would stop at 40 candidates.
     */
    @Test
    void pgvectorScansKeepGoingUntilTheFiltersAreSatisfied() throws SQLException {
        assumeFalse(TestStores.isLocal(), "pgvector settings");
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
                ResultSet settings = statement.executeQuery("SELECT current_setting('hnsw.iterative_scan', true), "
                        + "current_setting('hnsw.ef_search', true)")) {
            settings.next();
            assertThat(settings.getString(1)).isEqualTo("relaxed_order");
            assertThat(settings.getString(2)).isEqualTo("100");
        }
    }

    List<String> keywordHits(String namespace, String owner, String query) {
        return keywordHits(namespace, owner, List.of(), query);
    }

    @Test
    void keywordHitsStayWithinTheNamespaceTheOwnerAndTheTagsOfTheScope() {
        String namespace = Namespaces.fresh();
        String text = "The quokka enclosure opens at nine";
        String both = index(UUID.randomUUID().toString(), namespace, null, null, List.of("zoo", "morning"), text);
        String zoo = index(UUID.randomUUID().toString(), namespace, null, null, List.of("zoo"), text);
        String carols = index(UUID.randomUUID().toString(), namespace, "carol", null, List.of(), text);
        String otherNamespace = Namespaces.fresh();
        String elsewhere = indexAlone(otherNamespace, text);

        assertThat(keywordHits(namespace, null, List.of(), "quokka")).containsExactlyInAnyOrder(both, zoo, carols);
        assertThat(keywordHits(namespace, null, List.of("zoo"), "quokka")).containsExactlyInAnyOrder(both, zoo);
        assertThat(keywordHits(namespace, null, List.of("zoo", "morning"), "quokka")).containsExactly(both);
        assertThat(keywordHits(namespace, "carol", List.of(), "quokka")).containsExactly(carols);
        assertThat(keywordHits(namespace, "dave", List.of(), "quokka")).isEmpty();
        assertThat(keywordHits(otherNamespace, null, List.of(), "quokka")).containsExactly(elsewhere);
    }

    List<String> keywordHits(String namespace, String owner, List<String> tags, String query) {
        return keywords.search(new SearchScope(STORE, namespace, owner, tags), QueryTerms.of(query), 10).hits()
                .stream().map(hit -> hit.entry().itemId()).toList();
    }

    @Test
    void aReplyIsFoundByTheWordsOfWhatWasSavedBeforeItInItsSession() {
        String namespace = Namespaces.fresh();
        String question = index(namespace, null, "Do you play any musical instruments?");
        String reply = index(namespace, null, "Yes, the clarinet, since I was a kid");
        String later = index(namespace, null, "We should meet for lunch next week");

        assertThat(keywordHits(namespace, null, "which instruments")).as("its own words weigh more")
                .containsExactly(question, reply);
        assertThat(keywordHits(namespace, null, "clarinet")).as("only what follows gets the words")
                .containsExactly(reply, later);
    }

    @Test
    void whatWasSavedBeforeInTheSessionIsForgottenWhenItChangesOrGoes() {
        String namespace = Namespaces.fresh();
        String question = index(namespace, null, "Do you play any musical instruments?");
        String reply = index(namespace, null, "Yes, the clarinet, since I was a kid");

        index(question, namespace, null, "Do you play any sports?");
        assertThat(keywordHits(namespace, null, "instruments")).isEmpty();
        assertThat(keywordHits(namespace, null, "sports")).containsExactly(question, reply);

        QuarkusTransaction.requiringNew().run(() -> engine.remove(STORE, question));
        assertThat(keywordHits(namespace, null, "sports")).isEmpty();
        assertThat(keywordHits(namespace, null, "clarinet")).containsExactly(reply);
    }

    @Test
    void anotherOwnersItemLendsNoWordsToTheNextInTheSession() {
        String namespace = Namespaces.fresh();
        index(namespace, "alice", "My bank PIN reminder is the street I grew up on");
        String bobs = index(namespace, "bob", "I prefer aisle seats on long flights");

        assertThat(keywordHits(namespace, "bob", "street bank")).isEmpty();
        assertThat(keywordHits(namespace, "bob", "aisle seats")).containsExactly(bobs);
    }

    @Test
    void anOwnersItemsAreSearchedApart() {
        String namespace = Namespaces.fresh();
        String alices = index(namespace, "alice", "Alice is allergic to peanuts");
        String bobs = index(namespace, "bob", "Bob is allergic to shellfish");
        assertThat(found(namespace, "alice", "food allergies")).containsExactly(alices);
        assertThat(found(namespace, "bob", "food allergies")).containsExactly(bobs);
    }

    @Test
    void aSearchForTaggedItemsFindsNoUntaggedItemBesideThem() {
        String namespace = Namespaces.fresh();
        String tagged = index(UUID.randomUUID().toString(), namespace, null, "s-" + namespace, List.of("billing"),
                "Invoices are generated on the first of the month");
        String untagged = index(namespace, null, "They are generated from the usage of the month before");

        assertThat(found(namespace, null, List.of("billing"), "when are invoices generated")).containsExactly(tagged);
        assertThat(found(namespace, null, "when are invoices generated")).containsExactlyInAnyOrder(tagged, untagged);
    }

    @Test
    void aRemovedItemIsNotFoundAgain() {
        String namespace = Namespaces.fresh();
        String kept = index(namespace, null, "Rotate the API keys every ninety days");
        String removed = index(namespace, null, "Rotate the database passwords every thirty days");
        assertThat(found(namespace, null, "how often should credentials be rotated")).contains(kept, removed);

        QuarkusTransaction.requiringNew().run(() -> engine.remove(STORE, removed));

        assertThat(found(namespace, null, "how often should credentials be rotated")).containsExactly(kept);
    }

    @Test
    void vectorsOfAnotherModelAreIgnoredUntilReembedded() {
        String namespace = Namespaces.fresh();
        String id = index(namespace, null, "Our fiscal year starts in April");
        long seq = seqOf(id);
        float[] foreign = new float[embeddings.dimension()];
        foreign[0] = 1;
        QuarkusTransaction.requiringNew().run(() -> vectors.write(seq, new TextVectors(foreign, List.of()),
                "some-older-model"));

        assertThat(engine.search(SearchScope.shared(STORE, namespace, List.of()), "When does the financial calendar "
                + "begin?", 5)).as("no word in common, and no vector of the current model").isEmpty();

        assertThat(reembedder.reembedAll(done -> {
        })).isGreaterThanOrEqualTo(1);

        assertThat(entryOf(id).embeddingModel)
                .isEqualTo(embeddings.modelId());
        assertThat(found(namespace, null, "When does the financial calendar begin?")).containsExactly(id);
        assertThat(reembedder.reembedAll(done -> {
        })).as("nothing left to re-embed").isZero();
    }

    long seqOf(String id) {
        return entryOf(id).seq;
    }

    SearchEntry entryOf(String id) {
        return QuarkusTransaction.requiringNew().call(() -> entries.findItem(STORE, id).orElseThrow());
    }

    int storedPassages(long seq) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
                ResultSet count = statement.executeQuery(
                        "SELECT count(*) FROM search_passage WHERE entry_seq = " + seq)) {
            count.next();
            return count.getInt(1);
        }
    }

    @Test
    void anItemsSimilarityIsTheMeanOfItsWholeTextsAndItsBestPassages() {
        String namespace = Namespaces.fresh();
        String text = "Weekend\nWe cleaned the garage and sorted old boxes. The neighbours came over for a barbecue. "
                + "She is the second cellist in the city orchestra.";
        String id = index(namespace, null, text);
        String query = "Which instrument does she play?";
        float[] asked = embeddings.query(query);
        TextVectors embedded = engine.embedded(text);
        double whole = Vectors.dot(asked, embedded.whole());
        double bestPassage = embedded.passages().stream().mapToDouble(p -> Vectors.dot(asked, p)).max().orElseThrow();
        assertThat(bestPassage).as("the cello sentence answers better than the whole text").isGreaterThan(whole);

        assertThat(similarityOf(namespace, id, query)).isCloseTo((whole + bestPassage) / 2, offset(1e-4));

        TextVectors wholeOnly = new TextVectors(embedded.whole(), List.of());
        QuarkusTransaction.requiringNew().run(() -> vectors.write(seqOf(id), wholeOnly, embeddings.modelId()));
        assertThat(similarityOf(namespace, id, query)).as("without passages").isCloseTo(whole, offset(1e-4));
    }

    double similarityOf(String namespace, String id, String query) {
        return engine.search(new SearchScope(STORE, namespace, null, List.of()), query, 10).stream()
                .filter(hit -> hit.itemId().equals(id)).findFirst().orElseThrow().similarity();
    }

    @Test
    void passageVectorsFollowTheirItemsText() throws SQLException {
        String namespace = Namespaces.fresh();
        String id = index(namespace, null,
                "Release notes\nThe importer is twice as fast. The exporter keeps time zones.");
        long seq = seqOf(id);
        assertThat(storedPassages(seq)).isEqualTo(2);

        index(id, namespace, null, "Release notes\nThe importer is twice as fast.");
        assertThat(storedPassages(seq)).as("one sentence: no passages").isZero();

        index(id, namespace, null, "Release notes\nImports are fast. Exports keep time zones. Both are logged.");
        assertThat(storedPassages(seq)).isEqualTo(3);
        assertThat(entryOf(id).passages)
                .isEqualTo(3);

        QuarkusTransaction.requiringNew().run(() -> engine.remove(STORE, id));
        assertThat(storedPassages(seq)).as("removed with their item").isZero();
    }

    @Test
    void entriesEmbeddedBeforePassagesExistedGetThemWhenReembedded() throws SQLException {
        String namespace = Namespaces.fresh();
        String id = index(namespace, null, "Deploys\nDeploys freeze on Fridays. Hotfixes need two reviewers.");
        long seq = seqOf(id);
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM search_passage WHERE entry_seq = " + seq);
            statement.executeUpdate("UPDATE search_entry SET passages = NULL WHERE seq = " + seq);
        }

        assertThat(reembedder.reembedAll(done -> {
        })).isGreaterThanOrEqualTo(1);

        assertThat(storedPassages(seq)).isEqualTo(2);
        assertThat(entryOf(id).passages)
                .isEqualTo(2);
    }

    @Test
    void anItemConfirmedAgainScoresByItsNewStanding() {
        String namespace = Namespaces.fresh();
        String text = "Backups\nNightly backups go to the cold storage bucket.";
        String id = index(namespace, null, text);
        index(namespace, null, "Deploys\nDeploys freeze on Fridays.");
        String query = "where do the nightly backups go?";
        double before = scoreOf(namespace, id, query);

        Confirmable thrice = new Confirmable() {
        };
        Instant now = Instant.now();
        thrice.firstSaved(now);
        thrice.confirmed(now);
        thrice.confirmed(now);
        QuarkusTransaction.requiringNew().run(() -> engine.index(new IndexEntry(STORE, id, namespace, null,
                "s-" + namespace, text, List.of(), thrice), null));

        assertThat(scoreOf(namespace, id, query))
                .isCloseTo(before * (1 + settings.confirmationWeight() * Math.log(3) / Math.log(2)), offset(1e-9));
    }

    @Test
    void aContendersTagsAndStandingAreReadAsStored() {
        String namespace = Namespaces.fresh();
        String text = "Backups\nNightly backups go to the cold storage bucket.";
        List<String> tags = List.of("backups", "storage");
        String confirmedId = index(UUID.randomUUID().toString(), namespace, null, "s-" + namespace, tags, text);
        String savedOnceId = index(namespace, null, "Deploys\nDo deploys freeze on Fridays?");
        Instant confirmedAt = Instant.parse("2025-03-04T05:06:07.891Z");
        Confirmable twice = new Confirmable() {
        };
        twice.firstSaved(confirmedAt.minusSeconds(3600));
        twice.confirmed(confirmedAt);
        QuarkusTransaction.requiringNew().run(() -> engine.index(new IndexEntry(STORE, confirmedId, namespace, null,
                "s-" + namespace, text, tags, twice), null));
        SearchEntry confirmed = entryOf(confirmedId);
        SearchEntry savedOnce = entryOf(savedOnceId);

        Map<Long, Standing> standings = QuarkusTransaction.requiringNew()
                .call(() -> entries.standingsOf(List.of(confirmed.seq, savedOnce.seq)));
        assertThat(standings.get(confirmed.seq)).isEqualTo(new Standing(2, confirmedAt, 0));
        assertThat(standings.get(savedOnce.seq)).as("never confirmed again: the time it was saved")
                .isEqualTo(Standing.of(1, savedOnce.createdAt, savedOnce.body));
        assertThat(QuarkusTransaction.requiringNew().call(() -> entries.tagsOf(List.of(confirmed.seq, savedOnce.seq))))
                .isEqualTo(Map.of(confirmed.seq, Set.of("backups", "storage")));
    }

    /** The items around each anchor, in its own session; not those between two anchors far apart in one session. */
    @Test
    void neighboursAreTheItemsAroundEachAnchorInItsOwnSession() {
        String namespace = Namespaces.fresh();
        List<String> longSession = notes(namespace, "long", 12);
        List<String> otherSession = notes(namespace, "other", 12);
        List<Entry> anchors = Stream.of(longSession.get(1), longSession.get(9), otherSession.get(9)).map(this::entryOf)
                .map(e -> new Entry(e.seq, e.itemId, e.sessionId, e.sessionPos)).toList();

        List<Entry> around = QuarkusTransaction.requiringNew()
                .call(() -> entries.neighbours(SearchScope.shared(STORE, namespace, List.of()), anchors, 2));

        assertThat(around).extracting(e -> e.sessionId() + ":" + e.sessionPos()).containsExactlyInAnyOrder(
                "long:1", "long:2", "long:3", "long:4", "long:8", "long:9", "long:10", "long:11", "long:12",
                "other:8", "other:9", "other:10", "other:11", "other:12");
    }

    /** Saves {@code count} short notes in one session, in order; returns their ids. */
    List<String> notes(String namespace, String session, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> index(UUID.randomUUID().toString(), namespace, null,
                session, "Note " + n + " of the " + session + " session")).toList();
    }

    @Test
    void anItemThatAnswersOutranksOneThatOnlyAsks() {
        String namespace = Namespaces.fresh();
        String question = index(namespace, null, "Ledger\nWhich database should hold the payments ledger?");
        String answer = index(namespace, null, "Ledger\nThe payments ledger is kept in PostgreSQL.");
        index(namespace, null, "Deploys\nDeploys freeze on Fridays.");

        assertThat(found(namespace, null, "which database holds the payments ledger")).startsWith(answer, question);
    }

    double scoreOf(String namespace, String id, String query) {
        return engine.search(new SearchScope(STORE, namespace, null, List.of()), query, 10).stream()
                .filter(hit -> hit.itemId().equals(id)).findFirst().orElseThrow().score();
    }
}
