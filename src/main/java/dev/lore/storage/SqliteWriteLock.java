package dev.lore.storage;

import jakarta.inject.Singleton;

import io.quarkus.arc.properties.IfBuildProperty;

/**
 * SQLite: every write transaction begins with the store's write lock ({@code transaction_mode=IMMEDIATE} in the
 * configuration), which holds every other writer, in this process or another, off until it ends; a key needs no lock
 * of its own.
 */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "local")
class SqliteWriteLock implements WriteLock {

    @Override
    public void holdUntilCommit(String key) {
    }
}
