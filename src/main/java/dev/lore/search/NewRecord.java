package dev.lore.search;

import java.util.function.Function;

/**
 * What a store supplies for one save of a record that stands on its own: how to make it. The engine does the rest
 * ({@link SearchEngine#add}: embeds the text before the write, holds the scope, indexes the record in the same
 * transaction).
 *
 * @param create makes and stores the record, inside the write
 * @param entryOf what the engine indexes for the record
 */
public record NewRecord<T>(Function<Write, T> create, Function<T, IndexEntry> entryOf) {
}
