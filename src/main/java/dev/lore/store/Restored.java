package dev.lore.store;

/** What putting back one exported record did to the store. */
public enum Restored {
    /** The store did not have the record: it has it now, with its id. */
    ADDED,
    /** The store had an older state of the record: it has the exported one now. */
    UPDATED,
    /** The store already had the record as exported, or a newer state of it. */
    UNCHANGED,
    /** The store keeps the record out: a memory its user has since forgotten. */
    LEFT_OUT
}
