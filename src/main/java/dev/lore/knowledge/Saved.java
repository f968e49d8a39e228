package dev.lore.knowledge;

/** The outcome of a save: a new learning, or an existing one that a near-duplicate reinforced. */
public record Saved(Learning learning, boolean created) {
}
