package dev.lore.search;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * What dedup on save keeps of an item: saving a near-duplicate confirms the item already stored (see
 * {@link SearchEngine#duplicateOf}) instead of adding a copy. Learnings, memories and entity facts are confirmable.
 */
@MappedSuperclass
public abstract class Confirmable {

    /** How many times the item was saved: once, plus once per near-duplicate that confirmed it. */
    @Column(nullable = false)
    public int confirmations = 1;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_confirmed_at")
    public Instant lastConfirmedAt;

    /** The item is saved for the first time. */
    public void firstSaved(Instant now) {
        createdAt = now;
        lastConfirmedAt = now;
    }

    /** A near-duplicate of the item was saved. */
    public void confirmed(Instant now) {
        confirmations++;
        lastConfirmedAt = now;
    }
}
