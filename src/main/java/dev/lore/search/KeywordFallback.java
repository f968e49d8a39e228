package dev.lore.search;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.lore.search.embedding.EmbeddingSettings;
import io.quarkus.arc.Arc;

/**
 * What Lore does while its embedding model cannot embed (an Ollama server down, a model missing): a save keeps its
 * record, found by its words at once and given its vectors once the model embeds again ({@link VectorCatchUp}); a
 * search answers from the keyword index alone. Either way the call's answer says so ({@link SearchWarnings}), and the
 * log says why. Once the model has failed, it is not asked again for {@code lore.embeddings.retry-after}, or until a
 * catch-up finds it working: a model that hangs until its timeout would otherwise hold up every call, and each turn of
 * a conversation.
 */
@ApplicationScoped
public class KeywordFallback {

    private static final Logger LOG = Logger.getLogger(KeywordFallback.class);

    private final SearchWarnings warnings;
    private final VectorCatchUp catchUp;
    private final long retryAfterNanos;
    /** Why the model last failed, while it is left alone; {@code null} when it is asked. */
    private volatile String failure;
    private volatile long failedAt;

    KeywordFallback(SearchWarnings warnings, VectorCatchUp catchUp, EmbeddingSettings settings) {
        this.warnings = warnings;
        this.catchUp = catchUp;
        this.retryAfterNanos = settings.retryAfter().toNanos();
    }

    /** The vectors for a save, or {@code null} when the model fails: the record is then owed its vectors. */
    public <T> T forSave(Supplier<T> embedding) {
        T vectors = embedded(embedding, "Saved without its vectors, found by its words until the embedding model "
                + "works again: ");
        if (vectors == null) {
            catchUp.owed();
        }
        return vectors;
    }

    /** The query's vector, or {@code null} when the model fails: the search then uses keywords only. */
    public <T> T forSearch(Supplier<T> embedding) {
        return embedded(embedding, "Searched by keywords only: ");
    }

    private <T> T embedded(Supplier<T> embedding, String warning) {
        String failed = failure;
        long since = failedAt;
        if (failed != null && System.nanoTime() - since < retryAfterNanos && !catchUp.modelWorkedSince(since)) {
            warn(warning + failed);
            return null;
        }
        try {
            T vectors = embedding.get();
            failure = null;
            return vectors;
        } catch (EmbeddingFailedException e) {
            failedAt = System.nanoTime();
            failure = e.getMessage() + ".";
            LOG.warn(warning + failure);
            warn(warning + failure);
            return null;
        }
    }

    private void warn(String warning) {
        if (Arc.container().requestContext().isActive()) {
            warnings.add(warning);
        }
    }
}
