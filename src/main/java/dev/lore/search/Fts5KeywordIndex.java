package dev.lore.search;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Keyword retrieval on the local flavor: SQLite FTS5 with the Porter stemmer, ranked by BM25 (the words of the entry
 * saved before it in its session at half weight, see {@link SearchEntry#precedingText}). Like the team flavor, it
 * leaves out the words that would make ranking read too many rows.
 */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "local")
class Fts5KeywordIndex extends NativeKeywordIndex {

    /**
     * FTS5 yields its matches best first and each is checked against the scope on the entry's own columns, until
     * {@code limit} are in. The scope is not part of the match: BM25 counts the rows holding each phrase of a match
     * before ranking, and a phrase naming the scope holds every row of it (at 100,000 entries in one namespace, that
     * count took 4.5 of the 6.3 ms a keyword search took). What is ranked stays within the budget all the same: the
     * words kept match at most {@link #RANKED_ROWS} rows of the whole store.
     */
    private static final String SEARCH = """
            SELECT e.seq, e.item_id, e.session_id, e.session_pos, -search_fts.rank AS relevance,
                   highlight(search_fts, 0, char(2), char(3)) || ' ' || highlight(search_fts, 1, char(2), char(3))
                       AS marked,
                   :fullMatch AS full_match
            FROM search_fts JOIN search_entry e ON e.seq = search_fts.rowid
            WHERE search_fts MATCH :match AND search_fts.rank MATCH 'bm25(1.0, 1.0, 0.5)' AND
            """ + ScopeFilter.FILTER + """
            ORDER BY search_fts.rank
            LIMIT :limit
            """;

    /** The newest entry's seq stands in for the row count: counting reads every row, and deleted entries are few. */
    private static final String ROWS = "SELECT coalesce(max(seq), 0) FROM search_entry";
    private static final String ROWS_WITH = "SELECT count(*) FROM search_fts WHERE search_fts MATCH :match";

    /**
     * At 100,000 entries, ranking every row that held a word of the question put a search's p50 / p99 at 56 / 116 ms
     * (on a slow day's machine); leaving out the words past 2,000 rows brought them to 25 / 48 ms (22 / 41–47 ms with
     * common words' counts remembered), past 5,000 to 40 / 62 ms. Common words weigh little in BM25 anyway, and the
     * semantic side still sees them.
     */
    static final int RANKED_ROWS = 2_000;
    /**
     * Counting the rows of a word held by 30,000 of 100,000 entries takes about 2 ms; words held by this many rows or
     * more are few, recur in most questions, and their counts move little in a minute, so those are remembered.
     */
    private static final int COMMON = 1_000;
    private static final Duration COMMON_COUNT_AGE = Duration.ofMinutes(1);

    private record CommonWord(double rows, Instant countedAt) {
    }

    private final EntityManager em;
    private final Map<String, CommonWord> commonWords = new ConcurrentHashMap<>();

    Fts5KeywordIndex(EntityManager em) {
        this.em = em;
    }

    /**
     * Counts the rows holding each word first: the words so common that ranking them would read more than
     * {@link #RANKED_ROWS} rows are left out, the most common first (a store of fewer rows keeps them all), and a full
     * match weighs the words kept. FTS5's BM25 weighs a word by {@code ln((N - n + 0.5) / (n + 0.5))} (at least
     * 10^-6) over the N rows of the index, n of them holding it, and counts one occurrence in a text of average length
     * as exactly that weight.
     */
    @Override
    Optional<Query> query(SearchScope scope, QueryTerms terms, int limit) {
        double all = ((Number) em.createNativeQuery(ROWS).getSingleResult()).doubleValue();
        Map<String, Double> holding = new HashMap<>();
        terms.words().forEach(word -> holding.put(word, rowsHolding(word)));
        List<String> kept = all <= RANKED_ROWS ? terms.words()
                : rarestWithin(terms.words(), holding::get, RANKED_ROWS);
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        double fullMatch = kept.stream().mapToDouble(word -> holding.get(word))
                .map(rows -> Math.max(1e-6, Math.log((all - rows + 0.5) / (rows + 0.5)))).sum();
        return Optional.of(ScopeFilter.bind(em.createNativeQuery(SEARCH), scope)
                .setParameter("match", new QueryTerms(kept).asFts5AnyOf())
                .setParameter("fullMatch", fullMatch)
                .setParameter("limit", limit));
    }

    /** How many rows hold the word; a common word's count is remembered for {@link #COMMON_COUNT_AGE}. */
    private double rowsHolding(String word) {
        CommonWord remembered = commonWords.get(word);
        if (remembered != null && remembered.countedAt().plus(COMMON_COUNT_AGE).isAfter(Instant.now())) {
            return remembered.rows();
        }
        double rows = ((Number) em.createNativeQuery(ROWS_WITH)
                .setParameter("match", QueryTerms.fts5Phrase(word)).getSingleResult()).doubleValue();
        if (rows >= COMMON) {
            commonWords.put(word, new CommonWord(rows, Instant.now()));
        } else {
            commonWords.remove(word);
        }
        return rows;
    }
}
