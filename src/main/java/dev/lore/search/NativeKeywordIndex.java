package dev.lore.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

import jakarta.persistence.Query;

/**
 * A keyword index answered by one native SQL query returning rows of (seq, item id, session id, session position,
 * relevance, text with the matched words marked by {@link MatchedTerms#START}/{@code END}, the relevance an item of
 * average length would get for matching each of the query's words once).
 */
abstract class NativeKeywordIndex implements KeywordIndex {

    /** The query for these keywords in this scope, its parameters bound; empty when no keyword is left to match. */
    abstract Optional<Query> query(SearchScope scope, QueryTerms terms, int limit);

    /** The words to rank: the rarest first, as long as the rows they match stay within the budget. */
    static List<String> rarestWithin(List<String> words, ToDoubleFunction<String> rowsHolding, double budget) {
        List<String> byRarity = new ArrayList<>(words);
        byRarity.sort(Comparator.comparingDouble(rowsHolding));
        List<String> kept = new ArrayList<>();
        double rows = 0;
        for (String word : byRarity) {
            rows += rowsHolding.applyAsDouble(word);
            if (rows > budget) {
                break;
            }
            kept.add(word);
        }
        return kept;
    }

    @Override
    public KeywordMatches search(SearchScope scope, QueryTerms terms, int limit) {
        List<Object[]> rows = query(scope, terms, limit).map(Query::getResultList).orElse(List.of()).stream()
                .map(Object[].class::cast).toList();
        if (rows.isEmpty()) {
            return KeywordMatches.NONE;
        }
        return new KeywordMatches(rows.stream()
                .map(r -> new KeywordHit(Entry.of(r), ((Number) r[4]).doubleValue(), MatchedTerms.in((String) r[5])))
                .toList(), ((Number) rows.get(0)[6]).doubleValue());
    }
}
