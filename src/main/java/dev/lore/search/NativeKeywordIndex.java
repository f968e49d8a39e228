package dev.lore.search;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Query;

/**
 * A keyword index answered by one native SQL query returning rows of (seq, item id, session id, session position,
 * relevance, text with the matched words marked by {@link MatchedTerms#START}/{@code END}).
 */
abstract class NativeKeywordIndex implements KeywordIndex {

    /** The query for these keywords in this scope, its parameters bound; empty when no keyword is left to match. */
    abstract Optional<Query> query(SearchScope scope, QueryTerms terms, int limit);

    @Override
    public List<KeywordHit> search(SearchScope scope, QueryTerms terms, int limit) {
        List<?> rows = query(scope, terms, limit).map(Query::getResultList).orElse(List.of());
        return rows.stream().map(Object[].class::cast)
                .map(r -> new KeywordHit(Entry.of(r), ((Number) r[4]).doubleValue(), MatchedTerms.in((String) r[5])))
                .toList();
    }
}
