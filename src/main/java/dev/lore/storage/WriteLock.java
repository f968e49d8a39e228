package dev.lore.storage;

/** Holds a key for the current transaction: other transactions holding the same key wait until it ends. */
interface WriteLock {

    void holdUntilCommit(String key);
}
