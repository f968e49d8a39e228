package dev.lore.search;

import java.util.List;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import io.quarkus.arc.properties.IfBuildProperty;

/** Keyword retrieval on the team flavor: PostgreSQL full text (english configuration), ranked by ts_rank_cd. */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "team")
class PostgresKeywordIndex extends NativeKeywordIndex {

    private static final String SEARCH = """
            SELECT hit.seq, hit.item_id, hit.session_id, hit.session_pos, hit.relevance,
                   ts_headline('english', hit.body || ' ' || coalesce(hit.tag_text, ''), to_tsquery('english', :match),
                               'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS marked
            FROM (SELECT e.seq, e.item_id, e.session_id, e.session_pos, e.body, e.tag_text,
                         ts_rank_cd(e.tsv, q) AS relevance
                  FROM search_entry e, to_tsquery('english', :match) q
                  WHERE e.tsv @@ q
                    AND e.store = :store
                    AND e.namespace = :namespace
                    AND (:owner = '' OR e.owner_id = :owner)
                    AND (:tagCount = 0 OR (SELECT count(*) FROM search_entry_tag t
                                           WHERE t.entry_seq = e.seq AND t.tag IN (:tags)) = :tagCount)
                  ORDER BY relevance DESC
                  LIMIT :limit) hit
            ORDER BY hit.relevance DESC
            """;

    private final EntityManager em;

    PostgresKeywordIndex(EntityManager em) {
        this.em = em;
    }

    /** The tsvector is a generated column and the scope is in plain columns: nothing more to write. */
    @Override
    public void write(long seq, IndexEntry item) {
    }

    @Override
    Query query(SearchScope scope, QueryTerms terms, int limit) {
        return em.createNativeQuery(SEARCH)
                .setParameter("match", terms.asTsQueryAnyOf())
                .setParameter("store", scope.store())
                .setParameter("namespace", scope.namespace())
                .setParameter("owner", scope.ownerId() == null ? "" : scope.ownerId())
                .setParameter("tagCount", scope.tags().size())
                .setParameter("tags", scope.tags().isEmpty() ? List.of("") : scope.tags())
                .setParameter("limit", limit);
    }
}
