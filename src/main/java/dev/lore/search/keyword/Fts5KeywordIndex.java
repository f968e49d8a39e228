package dev.lore.search.keyword;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import dev.lore.search.SearchScope;
import dev.lore.search.entries.Entry;
import dev.lore.search.entries.ScopeFilter;
import dev.lore.search.entries.SearchEntry;
import dev.lore.storage.StringListConverter;
import io.quarkus.arc.properties.IfBuildProperty;
import opennlp.tools.stemmer.PorterStemmer;

/**
 * Keyword retrieval on the local flavor: SQLite FTS5 with the Porter stemmer, ranked by BM25 with each word weighed by
 * its rarity within the scope, as on the team flavor (the words of the entry saved before it in its session count
 * half, see {@link SearchEntry#precedingText}). Like the team flavor, it leaves out the words that would make ranking
 * read too many rows.
 */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "local")
class Fts5KeywordIndex implements KeywordIndex {

    private static final Pattern DIACRITICS = Pattern.compile("\\p{M}+");
    /** The rows of the index, counted on its size records: one small record each, unlike the entries' own rows. */
    private static final String ROWS = "SELECT count(*) AS rows FROM search_fts_docsize";
    private static final String ROWS_WITH = "SELECT count(*) FROM search_fts WHERE search_fts MATCH :match";

    /**
     * The rows of the scope holding each word (numbered by its place in the query), with BM25's saturated frequency
     * of the word in the row: 1 for one occurrence in a text of average length. FTS5's bm25() gives that frequency
     * times the word's rarity in the whole store, {@code ln((S - s + 0.5) / (s + 0.5))} (at least 10^-6) over the S
     * rows of the index, s of them holding it; each word is matched on its own and its bm25() divided by that weight,
     * counted by the statement itself from the snapshot bm25() reads. FTS5 matches first and the scope is checked
     * after ({@code CROSS JOIN} keeps that order; the other way round, SQLite ran the match once per entry of the
     * scope), on an index that holds the scope's columns by entry number: the entries' rows, about 2 KB each with
     * their vectors, took twice as long to read.
     */
    private static final String OCCURRENCES = """
            WITH store AS MATERIALIZED (
            """ + ROWS + """
            ), word AS MATERIALIZED (
                SELECT key AS word, value AS phrase,
                       (SELECT count(*) FROM search_fts WHERE search_fts MATCH value) AS rows
                FROM json_each(:phrases)
            )
            SELECT word.word, e.seq,
                   -bm25(search_fts, 1.0, 1.0, 0.5)
                       / max(1e-6, ln((store.rows - word.rows + 0.5) / (word.rows + 0.5))) AS frequency
            FROM store CROSS JOIN word CROSS JOIN search_fts
                 CROSS JOIN search_entry e INDEXED BY search_entry_scope_of_seq ON e.seq = search_fts.rowid
            WHERE search_fts MATCH word.phrase AND
            """ + ScopeFilter.FILTER;

    /**
     * The ranked entries, with the words that matched marked. FTS5 reads the match once and the entries are picked
     * from it: looking each up by its rowid ({@code +} keeps the list from FTS5) ran the match once per entry.
     */
    private static final String RANKED = """
            SELECT e.seq, e.item_id, e.session_id, e.session_pos,
                   highlight(search_fts, 0, char(2), char(3)) || ' ' || highlight(search_fts, 1, char(2), char(3))
            FROM search_fts CROSS JOIN search_entry e ON e.seq = search_fts.rowid
            WHERE search_fts MATCH :match AND +search_fts.rowid IN (:seqs)
            """;

    /** The words of a search, each an FTS5 phrase, pass as one JSON array. */
    private static final StringListConverter PHRASES = new StringListConverter();

    /**
     * Counting the rows of a common word takes milliseconds, a share of a search; words held by this many rows or more
     * are few, recur in most questions, and their counts move little in a minute, so those are remembered.
     */
    private static final int COMMON = 1_000;
    private static final Duration COMMON_COUNT_AGE = Duration.ofMinutes(1);

    private record CommonWord(double rows, Instant countedAt) {
    }

    /** A word of the query (its place in it) in a row of the scope, and its saturated frequency there. */
    private record Occurrence(int word, long seq, double frequency) {
    }

    private final EntityManager em;
    private final Map<String, CommonWord> commonWords = new ConcurrentHashMap<>();

    Fts5KeywordIndex(EntityManager em) {
        this.em = em;
    }

    /**
     * A row's relevance sums, over the words it holds, the word's weight in the scope times its frequency in the row;
     * a full match is every word once, in a text of average length.
     */
    @Override
    public KeywordMatches search(SearchScope scope, QueryTerms terms, int limit) {
        List<String> words = affordable(distinctTerms(terms.words()));
        List<Occurrence> occurrences = words.isEmpty() ? List.of() : occurrences(scope, words);
        if (occurrences.isEmpty()) {
            return KeywordMatches.NONE;
        }
        double[] weights = weights(words.size(), occurrences);
        Map<Long, Double> relevance = new HashMap<>();
        occurrences.forEach(o -> relevance.merge(o.seq(), weights[o.word()] * o.frequency(), Double::sum));
        Comparator<Map.Entry<Long, Double>> byRelevanceThenNewest = Map.Entry.<Long, Double> comparingByValue()
                .thenComparing(Map.Entry.comparingByKey()).reversed();
        List<Long> best = relevance.entrySet().stream().sorted(byRelevanceThenNewest)
                .limit(limit).map(Map.Entry::getKey).toList();
        Map<Long, Object[]> ranked = new HashMap<>();
        for (Object row : em.createNativeQuery(RANKED).setParameter("match", new QueryTerms(words).asFts5AnyOf())
                .setParameter("seqs", best).getResultList()) {
            Object[] columns = (Object[]) row;
            ranked.put(((Number) columns[0]).longValue(), columns);
        }
        return new KeywordMatches(best.stream().filter(ranked::containsKey)
                .map(seq -> new KeywordHit(Entry.of(ranked.get(seq)), relevance.get(seq),
                        MatchedTerms.in((String) ranked.get(seq)[4])))
                .toList(), Arrays.stream(weights).sum());
    }

    /**
     * The query's words, one per term of the index. FTS5's Porter stemmer reads "painted" and "painting" as one term,
     * and each word matched on its own would count that term once more (PostgreSQL's lexemes are distinct already).
     * OpenNLP's Porter stemmer gave SQLite's stem for each of the 2,762 distinct words of the LoCoMo dev set but
     * "café": the index drops diacritics before stemming, and so does this.
     */
    static List<String> distinctTerms(List<String> words) {
        PorterStemmer stemmer = new PorterStemmer();
        Map<String, String> firstByStem = new LinkedHashMap<>();
        for (String word : words) {
            firstByStem.putIfAbsent(stemmer.stem(withoutDiacritics(word)), word);
        }
        return List.copyOf(firstByStem.values());
    }

    private static String withoutDiacritics(String word) {
        return DIACRITICS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * The words to rank: all of them in a store of at most {@link #RANKED_ROWS} rows; in a larger one, the rows
     * holding each word are counted first and the words so common that ranking them would read more than that many
     * rows are left out, the most common first.
     */
    private List<String> affordable(List<String> words) {
        double rows = ((Number) em.createNativeQuery(ROWS).getSingleResult()).doubleValue();
        return rows <= RANKED_ROWS ? words : KeywordBudget.rarestWithin(words, this::rowsHolding, RANKED_ROWS);
    }

    private List<Occurrence> occurrences(SearchScope scope, List<String> words) {
        List<?> rows = ScopeFilter.bind(em.createNativeQuery(OCCURRENCES), scope)
                .setParameter("phrases",
                        PHRASES.convertToDatabaseColumn(words.stream().map(QueryTerms::fts5Phrase).toList()))
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Occurrence(((Number) r[0]).intValue(),
                ((Number) r[1]).longValue(), ((Number) r[2]).doubleValue())).toList();
    }

    /**
     * Each word's weight, the team flavor's: {@code ln(1 + (N - n + 0.5) / (n + 0.5))} over the N rows of the scope
     * that hold a word of the query, n of them holding this one. Weighed by its rarity in the whole store instead
     * (FTS5's own BM25), a word common in one namespace and rare elsewhere, such as the names of the two people in a
     * conversation, counted as if it said much, and a match on a question's incidental words scored close to a full
     * match.
     */
    private static double[] weights(int words, List<Occurrence> occurrences) {
        int[] holding = new int[words];
        occurrences.forEach(o -> holding[o.word()]++);
        double rows = occurrences.stream().mapToLong(Occurrence::seq).distinct().count();
        double[] weights = new double[words];
        for (int i = 0; i < words; i++) {
            weights[i] = Math.log(1 + (rows - holding[i] + 0.5) / (holding[i] + 0.5));
        }
        return weights;
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
