package dev.lore.mcp;

/**
 * A tool's answer: data (the structured content, described by the tool's output schema) that also reads as text, for
 * the model and for clients that show no structured content. Each answer renders its own text, so a tool's text lives
 * in one place, beside the data it describes.
 */
public interface Answer {

    /** The answer as a model or a person reads it. */
    String toText();
}
