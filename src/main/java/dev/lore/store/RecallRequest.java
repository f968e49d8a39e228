package dev.lore.store;

import dev.lore.identity.Caller;
import dev.lore.search.SearchHit;

/**
 * What a recall asks every store for: the context of one caller (their user, session and namespace), on a topic when
 * a query is given.
 *
 * @param caller whose context: private stores are read for this user only
 * @param query what the conversation is about, or {@code null}
 * @param minSimilarity how close in meaning a hit that shares no word with the query must be to bear on it
 */
public record RecallRequest(Caller caller, String query, double minSimilarity) {

    public boolean hasQuery() {
        return query != null;
    }

    /**
     * Whether a search hit bears on the query: it shares a word with it, or its meaning is close. A search ranks
     * whatever the scope holds, and the nearest of unrelated items is still unrelated.
     */
    public boolean bearsOn(SearchHit hit) {
        return !hit.matchedTerms().isEmpty() || hit.similarity() != null && hit.similarity() >= minSimilarity;
    }
}
