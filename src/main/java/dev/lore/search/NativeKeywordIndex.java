package dev.lore.search;

import java.util.List;

import jakarta.persistence.EntityManager;

/**
 * A keyword index answered by one native SQL query. The query takes the parameters {@code :match}, {@code :store},
 * {@code :namespace}, {@code :owner} ('' for any), {@code :tagCount}, {@code :tags} and {@code :limit}, and returns
 * rows of (seq, item id, session id, session position, relevance, text with the matched words marked by
 * {@link MatchedTerms#START}/{@code END}).
 */
abstract class NativeKeywordIndex implements KeywordIndex {

    private final EntityManager em;
    private final String sql;

    NativeKeywordIndex(EntityManager em, String sql) {
        this.em = em;
        this.sql = sql;
    }

    /** The query's keywords in the index's own query language. */
    abstract String matchExpression(QueryTerms terms);

    @Override
    public List<KeywordHit> search(SearchScope scope, QueryTerms terms, int limit) {
        List<?> rows = em.createNativeQuery(sql)
                .setParameter("match", matchExpression(terms))
                .setParameter("store", scope.store())
                .setParameter("namespace", scope.namespace())
                .setParameter("owner", scope.ownerId() == null ? "" : scope.ownerId())
                .setParameter("tagCount", scope.tags().size())
                .setParameter("tags", scope.tags().isEmpty() ? List.of("") : scope.tags())
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new KeywordHit(new Entry(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                        r[3] == null ? 0 : ((Number) r[3]).intValue()), ((Number) r[4]).doubleValue(),
                        MatchedTerms.in((String) r[5])))
                .toList();
    }
}
