package dev.lore.store;

/**
 * What one item of extracted knowledge did in its store.
 *
 * @param store the store's name
 * @param id the record it made or changed: a learning's or memory's id, a profile field, a session id; a proposal's id
 *        when the knowledge waits for review
 * @param outcome what happened to it
 */
public record Learned(String store, String id, Outcome outcome) {

    /** What a save did: made a record, or reinforced the one it repeats. */
    public static Learned saved(String store, String id, boolean created) {
        return new Learned(store, id, created ? Outcome.CREATED : Outcome.REINFORCED);
    }

    public enum Outcome {
        /** A new record. */
        CREATED,
        /** A record that said the same already, confirmed once more. */
        REINFORCED,
        /** A record changed in place (a profile field, a session's context). */
        UPDATED,
        /** Nothing to change: the store already said that. */
        UNCHANGED,
        /** Waiting in the review inbox for a person to accept it ({@code id} is the proposal's). */
        PROPOSED,
        /** Not proposed again: a person rejected the same knowledge before ({@code id} is that proposal's). */
        REJECTED_BEFORE
    }
}
