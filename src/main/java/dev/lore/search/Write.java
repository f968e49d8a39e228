package dev.lore.search;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A write open on a store, holding its scope (see {@link SearchEngine#write}): what a store may do to the index
 * inside it, and the moment it happens.
 */
public final class Write {

    private final SearchEngine engine;
    private Instant now;
    private final List<IndexEntry> toEmbed = new ArrayList<>();

    Write(SearchEngine engine) {
        this.engine = engine;
    }

    /**
     * When the write happens, to the millisecond every store keeps: the moment it is first asked for, once the write
     * holds its scope (a write that waited for another one happens after it).
     */
    public Instant now() {
        if (now == null) {
            now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        return now;
    }

    /**
     * Indexes a record whose text is known only inside the write (an entity's names and aliases): its words are found
     * at once, and its vector is made once the write has committed, so the store is not locked while the model runs.
     */
    public void index(IndexEntry entry) {
        engine.index(entry, null);
        toEmbed.add(entry);
    }

    /** Takes a record out of search, and its text out of the keyword index of the record saved after it. */
    public void forget(String store, String itemId) {
        engine.remove(store, itemId);
    }

    List<IndexEntry> toEmbed() {
        return toEmbed;
    }
}
