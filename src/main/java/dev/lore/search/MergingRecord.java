package dev.lore.search;

import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * What a store supplies for one save of a record that a near-duplicate already stored may stand for: how to find,
 * make and merge its record. The engine owns the sequence ({@link SearchEngine#remember}): it embeds the text before
 * the write, holds the scope, looks for a near-duplicate there, then merges into it or makes a new record, and indexes
 * the result in the same transaction.
 *
 * @param find the stored record a near-duplicate points at, by its id; empty when this save may not merge into it
 * @param create makes and stores the new record, inside the write
 * @param merge folds this save into the stored record it repeats (one confirmation more, merged labels, the fuller
 *        wording), and answers whether what the record says changed (its vectors are then made from the new text)
 * @param entryOf what the engine indexes for the record
 */
public record MergingRecord<T>(Function<String, Optional<T>> find, Function<Write, T> create,
        BiPredicate<T, Write> merge, Function<T, IndexEntry> entryOf) {
}
