package dev.lore.search.entries;

import java.util.List;

import jakarta.persistence.Query;

import dev.lore.search.SearchScope;

/**
 * The scope filter of the searches that read the entries' table, on the entry aliased {@code e}, and its parameters:
 * plain SQL that both flavors' databases run.
 */
public final class ScopeFilter {

    public static final String FILTER = """
            e.store = :store
            AND e.namespace = :namespace
            AND (:owner = '' OR e.owner_id = :owner)
            AND (:tagCount = 0 OR (SELECT count(*) FROM search_entry_tag t
                                   WHERE t.entry_seq = e.seq AND t.tag IN (:tags)) = :tagCount)
            """;

    private ScopeFilter() {
    }

    public static Query bind(Query query, SearchScope scope) {
        return query.setParameter("store", scope.store())
                .setParameter("namespace", scope.namespace())
                .setParameter("owner", scope.ownerId() == null ? "" : scope.ownerId())
                .setParameter("tagCount", scope.tags().size())
                .setParameter("tags", scope.tags().isEmpty() ? List.of("") : scope.tags());
    }
}
