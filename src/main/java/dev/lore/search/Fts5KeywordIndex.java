package dev.lore.search;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * Keyword retrieval on the local flavor: SQLite FTS5 with the Porter stemmer, ranked by BM25 (the words of the entry
 * saved before it in its session at half weight, see {@link SearchEntry#precedingText}). The scope is part of
 * the match ({@link ScopeTokens}), so FTS5 ranks inside the scope and stops at the limit.
 */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "local")
class Fts5KeywordIndex extends NativeKeywordIndex {

    private static final String WRITE_SCOPE = "UPDATE search_entry SET scope_tokens = :tokens WHERE seq = :seq";
    private static final String SEARCH = """
            SELECT e.seq, e.item_id, e.session_id, e.session_pos, hit.relevance, hit.marked
            FROM (SELECT rowid AS seq, -rank AS relevance,
                         highlight(search_fts, 0, char(2), char(3)) || ' ' || highlight(search_fts, 1, char(2), char(3))
                             AS marked
                  FROM search_fts
                  WHERE search_fts MATCH :match AND rank MATCH 'bm25(1.0, 1.0, 0.0, 0.5)'
                  ORDER BY rank
                  LIMIT :limit) hit
            JOIN search_entry e ON e.seq = hit.seq
            ORDER BY hit.relevance DESC
            """;

    /** The newest entry's seq stands in for the row count: counting reads every row, and deleted entries are few. */
    private static final String ROWS = "SELECT coalesce(max(seq), 0) FROM search_entry";
    private static final String ROWS_WITH = "SELECT count(*) FROM search_fts WHERE search_fts MATCH :match";
    private static final String COLUMNS = "{body tag_text preceding_text} : ";

    private final EntityManager em;

    Fts5KeywordIndex(EntityManager em) {
        this.em = em;
    }

    @Override
    public void write(long seq, IndexEntry item) {
        em.createNativeQuery(WRITE_SCOPE)
                .setParameter("tokens", ScopeTokens.of(item.store(), item.namespace(), item.ownerId(), item.tags()))
                .setParameter("seq", seq)
                .executeUpdate();
    }

    @Override
    Optional<Query> query(SearchScope scope, QueryTerms terms, int limit) {
        return Optional.of(em.createNativeQuery(SEARCH)
                .setParameter("match", match(scope, terms))
                .setParameter("limit", limit));
    }

    /**
     * FTS5's BM25 weighs a word by {@code ln((N - n + 0.5) / (n + 0.5))} (at least 10^-6) over the N rows of the index,
     * n of them holding the word, and counts one occurrence in a text of average length as exactly that weight.
     */
    @Override
    double fullMatch(QueryTerms terms, List<Object[]> rows) {
        double all = ((Number) em.createNativeQuery(ROWS).getSingleResult()).doubleValue();
        double full = 0;
        for (String phrase : terms.asFts5Phrases()) {
            double holding = ((Number) em.createNativeQuery(ROWS_WITH).setParameter("match", COLUMNS + phrase)
                    .getSingleResult()).doubleValue();
            full += Math.max(1e-6, Math.log((all - holding + 0.5) / (holding + 0.5)));
        }
        return full;
    }

    /** e.g. {@code {body tag_text preceding_text} : ("egress" OR "costs") AND scope_tokens : (ns123 AND tg456)}. */
    static String match(SearchScope scope, QueryTerms terms) {
        String filter = String.join(" AND ",
                ScopeTokens.tokens(scope.store(), scope.namespace(), scope.ownerId(), scope.tags()));
        return COLUMNS + "(" + terms.asFts5AnyOf() + ") AND scope_tokens : (" + filter + ")";
    }
}
