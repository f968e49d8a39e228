package dev.lore.storage;

import java.util.OptionalLong;

/** Where the records are stored, as {@code lore stats} and {@code lore doctor} report it. */
public interface StoreLocation {

    /** The store in a few words: {@code SQLite file /home/me/.lore/lore.db}, or the database's JDBC URL. */
    String describe();

    /** How much room the store takes, when it can be told. */
    OptionalLong sizeInBytes();
}
