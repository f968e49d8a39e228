package dev.lore.search;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.quarkus.arc.properties.IfBuildProperty;

/** Keyword retrieval on the local flavor: SQLite FTS5 with the Porter stemmer, ranked by BM25. */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "local")
class Fts5KeywordIndex extends NativeKeywordIndex {

    private static final String SEARCH = """
            SELECT e.seq, e.item_id, e.session_id, e.session_pos, -bm25(search_fts) AS relevance,
                   highlight(search_fts, 0, char(2), char(3)) || ' ' || highlight(search_fts, 1, char(2), char(3))
                       AS marked
            FROM search_fts
            JOIN search_entry e ON e.seq = search_fts.rowid
            WHERE search_fts MATCH :match
              AND e.store = :store
              AND e.namespace = :namespace
              AND (:owner = '' OR e.owner_id = :owner)
              AND (:tagCount = 0 OR (SELECT count(*) FROM search_entry_tag t
                                     WHERE t.entry_seq = e.seq AND t.tag IN (:tags)) = :tagCount)
            ORDER BY bm25(search_fts)
            LIMIT :limit
            """;

    Fts5KeywordIndex(EntityManager em) {
        super(em, SEARCH);
    }

    @Override
    String matchExpression(QueryTerms terms) {
        return terms.asFts5AnyOf();
    }
}
