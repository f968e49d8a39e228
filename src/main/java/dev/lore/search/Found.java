package dev.lore.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A record a search found, and why (its score, its similarity to the query and the words that matched). */
public record Found<T>(T record, SearchHit hit) {

    /**
     * Each hit with its record, the records loaded at once, in the hits' order; a hit whose record is gone (deleted
     * since it was indexed) is left out.
     */
    public static <T> List<Found<T>> of(List<SearchHit> hits, Function<Collection<String>, List<T>> load,
            Function<T, String> idOf) {
        Map<String, T> byId = load.apply(hits.stream().map(SearchHit::itemId).toList()).stream()
                .collect(Collectors.toMap(idOf, Function.identity()));
        return hits.stream().filter(hit -> byId.containsKey(hit.itemId()))
                .map(hit -> new Found<>(byId.get(hit.itemId()), hit)).toList();
    }
}
