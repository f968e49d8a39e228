package dev.lore.extraction;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The model that distils conversations into what each store in {@code always} mode keeps ({@code lore.stores.*.mode}).
 * No model is configured by default: conversations are then kept as conversation memory only. Where several are set,
 * Ollama is used first.
 */
@ConfigMapping(prefix = "lore.extraction")
public interface ExtractionSettings {

    /** An Ollama server's chat model ({@code LORE_EXTRACTION_OLLAMA_MODEL}, e.g. {@code llama3.1}). */
    Ollama ollama();

    /** Any OpenAI-compatible chat endpoint: llama.cpp's server, vLLM, LM Studio, a hosted API. */
    OpenAi openai();

    /** How long one answer of the model may take. */
    @WithDefault("120s")
    Duration timeout();

    interface Ollama {
        Optional<String> model();

        @WithDefault("${quarkus.langchain4j.ollama.base-url:http://localhost:11434}")
        String baseUrl();
    }

    interface OpenAi {
        Optional<String> model();

        /** The endpoint's base URL, up to and with its {@code /v1}. */
        Optional<String> baseUrl();

        Optional<String> apiKey();
    }
}
