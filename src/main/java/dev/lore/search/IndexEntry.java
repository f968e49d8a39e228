package dev.lore.search;

import java.time.Instant;
import java.util.List;

/**
 * What a store hands the search engine for one of its items.
 *
 * @param store the store the item belongs to, e.g. {@code knowledge}
 * @param itemId the item's id in its store
 * @param namespace the sharing scope the item lives in
 * @param ownerId the user (or agent) the item is private to, or {@code null} when the namespace shares it
 * @param sessionId the session the item was saved in
 * @param text what the item says: keyword search matches it and its vector is taken from it
 * @param tags the item's tags, normalised
 * @param createdAt when the item was first saved
 */
public record IndexEntry(String store, String itemId, String namespace, String ownerId, String sessionId, String text,
        List<String> tags, Instant createdAt) {
}
