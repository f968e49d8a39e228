package dev.lore.search;

import java.util.List;

/**
 * One item a search found, and why.
 *
 * @param itemId the item's id in its store
 * @param score relevance in [0, 1], comparable within one result list
 * @param matchedTerms the words of the item that matched the query's keywords (empty when none did)
 */
public record SearchHit(String itemId, double score, List<String> matchedTerms) {
}
