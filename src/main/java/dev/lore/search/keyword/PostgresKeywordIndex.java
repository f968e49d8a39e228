package dev.lore.search.keyword;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import dev.lore.search.SearchScope;
import dev.lore.search.entries.Entry;
import dev.lore.search.entries.ScopeFilter;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Keyword retrieval on the team flavor: PostgreSQL full text (english configuration), ranked like BM25 (see
 * {@link #SEARCH}). Ranking costs a read of every matching row, so the words of a query that would match too many
 * rows (the planner's own statistics of the most common lexemes say how many) are left out, most common first, until
 * the rows to rank stay within {@link #RANKED_ROWS}; when every word is that common, the keyword side sits the query
 * out. Common words weigh little in a rank anyway, and the semantic side still sees them.
 */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "team")
class PostgresKeywordIndex implements KeywordIndex {

    private static final Duration STATISTICS_AGE = Duration.ofMinutes(1);

    private static final String LEXEMES = "SELECT lexeme FROM unnest(to_tsvector('english', :text))";
    /**
     * The most common lexemes and their frequencies; the frequency array is three longer than the lexeme array (the
     * smallest, the largest and the null frequency follow), so the first row without a lexeme holds the smallest.
     */
    private static final String STATISTICS = """
            SELECT t.lexeme, t.frequency
            FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS t(lexeme, frequency)
            WHERE s.tablename = 'search_entry' AND s.attname = 'tsv' AND s.schemaname = current_schema()
            """;
    private static final String ROWS = "SELECT reltuples FROM pg_class WHERE oid = 'search_entry'::regclass";
    /** The rows of the scope's namespace, counted up to a limit: a small one is counted at once through its index. */
    private static final String NAMESPACE_ROWS = """
            SELECT count(*) FROM (SELECT 1 FROM search_entry e WHERE e.store = :store AND e.namespace = :namespace
                                  LIMIT :limit) AS counted
            """;
    /**
     * BM25's weighting over the rows that match: each lexeme weighs by its rarity among them (its inverse document
     * frequency within the matching rows of the scope) times its saturated frequency in the row. ts_rank_cd of a
     * one-lexeme query counts 0.1 per occurrence of the entry's own words (weight D) and 0.05 per occurrence of the
     * preceding entry's (weight C), so {@code r / (r + 0.12 L)} is BM25's {@code tf / (tf + k1 L)} with the usual
     * k1 = 1.2, where {@code L = 0.25 + 0.75 × length / average length} normalises by the row's length as BM25 and
     * FTS5 do (b = 0.75): the bytes of its texts against the average of the matching rows, in double precision
     * ({@code numeric} arithmetic for each lexeme of each row nearly doubles the query's time; a row's tsvector
     * positions cost more to count, and its lexemes or ts_rank_cd's own normalisation rank worse: see
     * docs/retrieval.md). Each row also carries the relevance of a full match: every lexeme once in the
     * entry's own words, in a text of average length. Only the ranked rows' text is read, to mark the words that
     * matched. The lexemes come as one array; the match (any of them) is built from it here, each lexeme quoted by
     * {@code quote_literal}.
     */
    private static final String SEARCH = """
            WITH query AS MATERIALIZED (
                SELECT CAST(string_agg(quote_literal(x), ' | ') AS tsquery) AS match
                FROM unnest(CAST(:lexemes AS text[])) AS x
            ), matching AS MATERIALIZED (
                SELECT e.seq, e.tsv,
                       CAST(octet_length(e.body) + coalesce(octet_length(e.tag_text), 0)
                            + coalesce(octet_length(e.preceding_text), 0) AS double precision) AS length
                FROM search_entry e
                WHERE e.tsv @@ (SELECT match FROM query) AND
            """ + ScopeFilter.FILTER + """
            ), average AS MATERIALIZED (
                SELECT greatest(avg(length), 1) AS length FROM matching
            ), lexeme AS MATERIALIZED (
                SELECT l.q, ln(1 + (total.rows - n.rows + 0.5) / (n.rows + 0.5)) AS idf
                FROM (SELECT CAST(quote_literal(x) AS tsquery) AS q FROM unnest(CAST(:lexemes AS text[])) AS x) l,
                     (SELECT count(*) AS rows FROM matching) total,
                     LATERAL (SELECT count(*) AS rows FROM matching m WHERE m.tsv @@ l.q) n
            ), ranked AS (
                SELECT m.seq, (SELECT sum(lexeme.idf * r.rank
                                          / (r.rank + 0.12 * (0.25 + 0.75 * m.length / average.length)))
                               FROM lexeme,
                                    LATERAL (SELECT ts_rank_cd('{0.1, 0.05, 0.1, 0.1}', m.tsv, lexeme.q) AS rank) r)
                           AS relevance
                FROM matching m, average
                ORDER BY relevance DESC
                LIMIT :limit
            )
            SELECT e.seq, e.item_id, e.session_id, e.session_pos, ranked.relevance,
                   ts_headline('english', e.body || ' ' || coalesce(e.tag_text, ''), query.match,
                               'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS marked,
                   (SELECT sum(lexeme.idf * 0.1 / (0.1 + 0.12)) FROM lexeme) AS full_match
            FROM ranked JOIN search_entry e ON e.seq = ranked.seq, query
            ORDER BY ranked.relevance DESC
            """;

    private final EntityManager em;
    private volatile LexemeStatistics statistics = LexemeStatistics.NONE;

    PostgresKeywordIndex(EntityManager em) {
        this.em = em;
    }

    /**
     * How often the most common lexemes occur, from ANALYZE. A lexeme not listed is rarer than the rarest listed one;
     * like PostgreSQL's planner, count it as half as common, and at most as common as a default match (0.5%).
     */
    record LexemeStatistics(Map<String, Double> frequencies, double rarest, double rows, Instant readAt) {
        static final LexemeStatistics NONE = new LexemeStatistics(Map.of(), 0, 0, Instant.EPOCH);
        private static final double DEFAULT_MATCH_SHARE = 0.005;

        double frequency(String lexeme) {
            return frequencies.getOrDefault(lexeme, Math.min(rarest / 2, DEFAULT_MATCH_SHARE));
        }
    }

    @Override
    public KeywordMatches search(SearchScope scope, QueryTerms terms, int limit) {
        List<String> lexemes = em.createNativeQuery(LEXEMES).setParameter("text", String.join(" ", terms.words()))
                .getResultList().stream().map(String::valueOf).toList();
        List<String> affordable = affordable(lexemes, statistics(), namespaceRows(scope));
        if (affordable.isEmpty()) {
            return KeywordMatches.NONE;
        }
        List<Object[]> rows = ScopeFilter.bind(em.createNativeQuery(SEARCH), scope)
                .setParameter("lexemes", affordable.toArray(String[]::new))
                .setParameter("limit", limit)
                .getResultList().stream().map(Object[].class::cast).toList();
        if (rows.isEmpty()) {
            return KeywordMatches.NONE;
        }
        return new KeywordMatches(rows.stream()
                .map(r -> new KeywordHit(Entry.of(r), ((Number) r[4]).doubleValue(), MatchedTerms.in((String) r[5])))
                .toList(), ((Number) rows.get(0)[6]).doubleValue());
    }

    /**
     * The lexemes to match: the rarest first, as long as the rows they match stay within {@link #RANKED_ROWS}. A
     * lexeme's rows are its share of the store's rows, and of a namespace's when the namespace is known to be smaller
     * ({@code namespaceRows}; beyond the budget it is not counted): the scope filter and the full-text index meet
     * before ranking, so the rows ranked are the scope's. Estimated over the whole store instead, a small namespace
     * in a large store loses the words the rest of the store uses often, though they are rare in it.
     */
    static List<String> affordable(List<String> lexemes, LexemeStatistics statistics, double namespaceRows) {
        double rows = namespaceRows <= RANKED_ROWS ? Math.min(namespaceRows, statistics.rows()) : statistics.rows();
        return KeywordBudget.rarestWithin(lexemes, lexeme -> statistics.frequency(lexeme) * rows, RANKED_ROWS);
    }

    private double namespaceRows(SearchScope scope) {
        return ((Number) em.createNativeQuery(NAMESPACE_ROWS).setParameter("store", scope.store())
                .setParameter("namespace", scope.namespace()).setParameter("limit", RANKED_ROWS + 1)
                .getSingleResult()).doubleValue();
    }

    private LexemeStatistics statistics() {
        LexemeStatistics current = statistics;
        if (current.readAt().plus(STATISTICS_AGE).isAfter(Instant.now())) {
            return current;
        }
        Map<String, Double> frequencies = new HashMap<>();
        double rarest = 0;
        for (Object row : em.createNativeQuery(STATISTICS).getResultList()) {
            Object[] columns = (Object[]) row;
            double frequency = ((Number) columns[1]).doubleValue();
            if (columns[0] != null) {
                frequencies.put((String) columns[0], frequency);
            } else if (rarest == 0) {
                rarest = frequency;
            }
        }
        double rows = ((Number) em.createNativeQuery(ROWS).getSingleResult()).doubleValue();
        LexemeStatistics read = new LexemeStatistics(frequencies, rarest, Math.max(rows, 0), Instant.now());
        statistics = read;
        return read;
    }
}
