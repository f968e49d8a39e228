package dev.lore.search;

import java.util.List;

/** A keyword index's answer for one item: its raw relevance (higher is better) and the words that matched. */
public record KeywordHit(String itemId, double relevance, List<String> matchedTerms) {
}
