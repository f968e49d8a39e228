package dev.lore.session;

/** One line of a session's progress: what happened, when, by which agent. */
public record ProgressNote(String at, String note, String agent) {
}
