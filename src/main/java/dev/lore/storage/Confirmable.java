package dev.lore.storage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The standing of a record that saves reinforce: saving a near-duplicate confirms the record already stored instead of
 * adding a copy. Learnings, memories and entity facts keep it, and the search index keeps a copy of it for each
 * record it finds, to weigh it by.
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
