package dev.lore.search.entries;

/**
 * Where an indexed item sits: its entry number, its item id, and its place in the session it was saved in.
 *
 * @param seq the search entry's number (unique, increasing)
 * @param itemId the item's id in its store
 * @param sessionId the session the item was saved in, or {@code null}
 * @param sessionPos its position in that session (1 for the first item), or 0 when unknown
 */
public record Entry(long seq, String itemId, String sessionId, int sessionPos) {

    /** The entry of a native query's row that starts with seq, item_id, session_id, session_pos. */
    public static Entry of(Object[] row) {
        return new Entry(((Number) row[0]).longValue(), (String) row[1], (String) row[2],
                row[3] == null ? 0 : ((Number) row[3]).intValue());
    }
}
