package dev.lore.search;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.Query;

/**
 * A keyword index answered by one native SQL query returning rows of (seq, item id, session id, session position,
 * relevance, text with the matched words marked by {@link MatchedTerms#START}/{@code END}), and the relevance of a
 * full match of the query's words.
 */
abstract class NativeKeywordIndex implements KeywordIndex {

    /** The query for these keywords in this scope, its parameters bound; empty when no keyword is left to match. */
    abstract Optional<Query> query(SearchScope scope, QueryTerms terms, int limit);

    /** The relevance an item of average length would get for matching each of these words once. */
    abstract double fullMatch(QueryTerms terms, List<Object[]> rows);

    @Override
    public KeywordMatches search(SearchScope scope, QueryTerms terms, int limit) {
        List<Object[]> rows = query(scope, terms, limit).map(Query::getResultList).orElse(List.of()).stream()
                .map(Object[].class::cast).toList();
        if (rows.isEmpty()) {
            return KeywordMatches.NONE;
        }
        return new KeywordMatches(rows.stream()
                .map(r -> new KeywordHit(Entry.of(r), ((Number) r[4]).doubleValue(), MatchedTerms.in((String) r[5])))
                .toList(), fullMatch(terms, rows));
    }
}
