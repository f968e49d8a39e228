package dev.lore.search.embedding;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which model turns text into vectors: the in-process one, or an Ollama model read at start (the Quarkus extension's
 * own model setting is fixed when Lore is built).
 */
@ConfigMapping(prefix = "lore.embeddings")
public interface EmbeddingSettings {

    /** {@code in-process} (bge-small-en-v1.5, quantized, shipped inside Lore) or {@code ollama}. */
    @WithDefault("in-process")
    String provider();

    /**
     * Whether the model (and, on the local flavor, the stored vectors) load in the background at start, so that the
     * first search does not wait for them; commands that search nothing ({@code lore export}, {@code lore stats})
     * turn it off.
     */
    @WithDefault("true")
    boolean warmUp();

    /**
     * How long Lore waits, after a save the model could not embed, before it embeds what is owed vectors, and again
     * after each try the model still fails.
     */
    @WithDefault("30s")
    Duration retryAfter();

    Ollama ollama();

    interface Ollama {

        /** The Ollama embedding model, e.g. {@code nomic-embed-text}. */
        String model();

        String baseUrl();

        Duration timeout();

        /** What the model expects before a query (nomic-embed-text gets its own prefixes unless these say else). */
        Optional<String> queryPrefix();

        /** What the model expects before a text to store. */
        Optional<String> passagePrefix();
    }
}
