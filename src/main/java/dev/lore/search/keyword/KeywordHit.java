package dev.lore.search.keyword;

import java.util.List;

import dev.lore.search.entries.Entry;

/** A keyword index's answer for one entry: its raw relevance (higher is better) and the words that matched. */
public record KeywordHit(Entry entry, double relevance, List<String> matchedTerms) {
}
