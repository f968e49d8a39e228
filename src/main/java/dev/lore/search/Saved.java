package dev.lore.search;

/** What a save kept: a new record ({@code created}), or the stored one it repeats, confirmed once more. */
public record Saved<T>(T record, boolean created) {
}
