package dev.lore.search.embedding;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.lore.search.EmbeddingFailedException;
import io.quarkiverse.langchain4j.ollama.OllamaEmbeddingModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Turns text into vectors for semantic search. By default an in-process ONNX model ({@link InProcessModel}:
 * bge-small-en-v1.5, quantized, shipped inside a Maven artifact: no setup, no network); with
 * {@code lore.embeddings.provider=ollama}, an Ollama embedding model ({@code lore.embeddings.ollama.model}, read at
 * start: the Quarkus extension's own model setting is fixed when Lore is built). Queries and passages may need
 * different prefixes (bge asks for an instruction before queries).
 */
@ApplicationScoped
public class Embeddings {

    static final String IN_PROCESS_MODEL = "bge-small-en-v1.5-q";
    static final String BGE_QUERY_INSTRUCTION = "Represent this sentence for searching relevant passages: ";
    /** The task prefixes nomic-embed-text was trained with; other Ollama models get none unless configured. */
    static final String NOMIC_MODEL = "nomic-embed-text";
    static final String NOMIC_QUERY_PREFIX = "search_query: ";
    static final String NOMIC_PASSAGE_PREFIX = "search_document: ";
    public static final int REMEMBERED_QUERIES = 8;
    private static final Logger LOG = Logger.getLogger(Embeddings.class);
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(30);

    private final EmbeddingModel model;
    private final String modelId;
    private final String queryPrefix;
    private final String passagePrefix;
    private final boolean warmsUp;
    private volatile CompletableFuture<Void> warmingUp = CompletableFuture.completedFuture(null);
    private final Map<String, float[]> recentQueries = Collections.synchronizedMap(
            new LinkedHashMap<>(REMEMBERED_QUERIES, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                    return size() > REMEMBERED_QUERIES;
                }
            });

    Embeddings(EmbeddingSettings settings) {
        this.warmsUp = settings.warmUp();
        EmbeddingSettings.Ollama ollama = settings.ollama();
        String provider = settings.provider();
        switch (provider) {
            case "in-process" -> {
                this.model = new InProcessModel();
                this.modelId = IN_PROCESS_MODEL;
                this.queryPrefix = BGE_QUERY_INSTRUCTION;
                this.passagePrefix = "";
            }
            case "ollama" -> {
                this.model = OllamaEmbeddingModel.builder().baseUrl(ollama.baseUrl()).model(ollama.model())
                        .timeout(ollama.timeout()).build();
                this.modelId = "ollama:" + ollama.model();
                boolean nomic = ollama.model().startsWith(NOMIC_MODEL); // also "nomic-embed-text:v1.5"
                this.queryPrefix = ollama.queryPrefix().orElse(nomic ? NOMIC_QUERY_PREFIX : "");
                this.passagePrefix = ollama.passagePrefix().orElse(nomic ? NOMIC_PASSAGE_PREFIX : "");
            }
            default -> throw new IllegalArgumentException(
                    "lore.embeddings.provider must be 'in-process' or 'ollama', not '" + provider + "'");
        }
    }

    /** Loads the model in the background at start, so that neither start-up nor the first search waits for it. */
    void warmUp(@Observes StartupEvent start) {
        if (!warmsUp) {
            return;
        }
        warmingUp = CompletableFuture.runAsync(() -> {
            try {
                text("warm up");
            } catch (RuntimeException e) {
                LOG.warnf("Not usable yet: %s", e.getMessage()); // the message names the model
            }
        });
    }

    /**
     * A stop waits for the in-process model's warm-up: the JVM aborted (exit code 134, no message) when it exited while
     * ONNX Runtime was still loading the model, as when {@code lore reembed} has nothing to do or a client disconnects
     * right away. Ollama's warm-up is a request that a stop need not wait for.
     */
    void stopping(@Observes ShutdownEvent stop) {
        if (!(model instanceof InProcessModel)) {
            return;
        }
        try {
            warmingUp.get(WARM_UP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("Stopping while the embedding model %s still loads", modelId);
        }
    }

    /** Whether what search reads loads in the background at start ({@code lore.embeddings.warm-up}). */
    public boolean warmsUp() {
        return warmsUp;
    }

    /** The id stored with every vector; vectors of different models are never compared. */
    public String modelId() {
        return modelId;
    }

    /** How many components the model's vectors have (the in-process model knows it without running). */
    public int dimension() {
        return embedded(model::dimension);
    }

    /**
     * The vector of a query. A recall asks three stores the same query and an entity search two indexes, one right
     * after the other: the last few query vectors are kept, so each of those is embedded once. Callers must not
     * change the array.
     */
    public float[] query(String text) {
        float[] known = recentQueries.get(text);
        if (known != null) {
            return known;
        }
        float[] vector = embed(queryPrefix + text);
        recentQueries.put(text, vector);
        return vector;
    }

    /** The vectors of an item's text: the whole text's and its passages', embedded in one batch. */
    public TextVectors text(String text) {
        List<TextSegment> segments = Stream.concat(Stream.of(text), Passages.of(text).stream())
                .map(segment -> TextSegment.from(passagePrefix + segment))
                .toList();
        List<float[]> vectors = embedded(() -> model.embedAll(segments).content()).stream()
                .map(embedding -> TextVectors.normalize(embedding.vector()))
                .toList();
        return new TextVectors(vectors.get(0), vectors.subList(1, vectors.size()));
    }

    private float[] embed(String text) {
        float[] vector = embedded(() -> model.embed(text).content()).vector();
        return TextVectors.normalize(vector);
    }

    private <T> T embedded(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw new EmbeddingFailedException(modelId, e);
        }
    }
}
