package dev.lore.search;

/**
 * Where an indexed item sits: its entry number, its item id, and its place in the session it was saved in.
 *
 * @param seq the search entry's number (unique, increasing)
 * @param itemId the item's id in its store
 * @param sessionId the session the item was saved in, or {@code null}
 * @param sessionPos its position in that session (1 for the first item), or 0 when unknown
 */
public record Entry(long seq, String itemId, String sessionId, int sessionPos) {
}
