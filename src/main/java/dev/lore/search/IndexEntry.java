package dev.lore.search;

import java.time.Instant;
import java.util.List;

import dev.lore.storage.Confirmable;

/**
 * What a store hands the search engine for one of its records.
 *
 * @param store the store the record belongs to, e.g. {@code knowledge}
 * @param itemId the record's id in its store
 * @param namespace the sharing scope the record lives in
 * @param ownerId the user (or agent, or entity) the record belongs to within the namespace, or {@code null}
 * @param sessionId the session the record was saved in
 * @param text what the record says: keyword search matches it and its vector is taken from it
 * @param tags the record's tags, normalised
 * @param standing how many saves confirmed the record and when (search weighs it by this)
 */
public record IndexEntry(String store, String itemId, String namespace, String ownerId, String sessionId, String text,
        List<String> tags, Confirmable standing) {

    /** The standing of a record saved once, that saves never confirm again (a decision, an entity's names). */
    public static Confirmable savedOnce(Instant createdAt) {
        Confirmable once = new Confirmable() {
        };
        once.firstSaved(createdAt);
        return once;
    }
}
