package dev.lore.search;

import java.util.List;

/**
 * Which items a search may return: one store, one namespace, optionally one owner, optionally only items carrying
 * every one of the given tags.
 */
public record SearchScope(String store, String namespace, String ownerId, List<String> tags) {

    public SearchScope {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static SearchScope shared(String store, String namespace, List<String> tags) {
        return new SearchScope(store, namespace, null, tags);
    }

    /** The key saves to the scope hold (tags aside): its store, namespace and owner. */
    String writeKey() {
        return String.join("/", "search", store, namespace, ownerId == null ? "" : ownerId);
    }
}
