package dev.lore.search;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The one search engine every store uses. A store indexes its items here in the same transaction that writes them,
 * so a saved item is found by the very next search.
 */
@ApplicationScoped
public class SearchEngine {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");

    private final SearchEntryRepository entries;
    private final KeywordIndex keywords;

    SearchEngine(SearchEntryRepository entries, KeywordIndex keywords) {
        this.entries = entries;
        this.keywords = keywords;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void index(IndexEntry item) {
        SearchEntry entry = entries.findItem(item.store(), item.itemId()).orElseGet(SearchEntry::new);
        entry.store = item.store();
        entry.itemId = item.itemId();
        entry.namespace = item.namespace();
        entry.ownerId = item.ownerId();
        entry.body = CONTROL.matcher(item.text()).replaceAll(" ");
        entry.tags.clear();
        entry.tags.addAll(item.tags());
        entry.createdAt = item.createdAt();
        if (entry.seq == null) {
            entries.persist(entry);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String store, String itemId) {
        entries.findItem(store, itemId).ifPresent(entries::delete);
    }

    /** The items of the scope that best answer a natural-language query, best first. */
    @Transactional
    public List<SearchHit> search(SearchScope scope, String query, int limit) {
        QueryTerms terms = QueryTerms.of(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<KeywordHit> hits = keywords.search(scope, terms, limit);
        double best = hits.stream().mapToDouble(KeywordHit::relevance).max().orElse(1);
        return hits.stream()
                .map(h -> new SearchHit(h.itemId(), best > 0 ? h.relevance() / best : 0, h.matchedTerms()))
                .toList();
    }
}
