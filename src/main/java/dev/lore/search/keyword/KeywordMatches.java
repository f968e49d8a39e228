package dev.lore.search.keyword;

import java.util.List;

/**
 * A keyword index's answer to a query.
 *
 * @param hits the best matches, best first
 * @param fullMatch the relevance an item of average length would get for matching each of the query's words once:
 *        what the best hit's relevance is measured against, to tell a match on the query's gist from a match on one
 *        incidental word of it
 */
public record KeywordMatches(List<KeywordHit> hits, double fullMatch) {

    public static final KeywordMatches NONE = new KeywordMatches(List.of(), 0);
}
