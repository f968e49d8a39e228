package dev.lore.search;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;

/**
 * What Lore does while its embedding model cannot embed (an Ollama server down, a model missing): a save keeps its
 * record, found by its words at once and given its vectors once the model embeds again ({@link VectorCatchUp}); a
 * search answers from the keyword index alone. Either way the log says why, and the call's answer says so
 * ({@link SearchWarnings}).
 */
@ApplicationScoped
public class KeywordFallback {

    private static final Logger LOG = Logger.getLogger(KeywordFallback.class);

    private final SearchWarnings warnings;
    private final VectorCatchUp catchUp;

    KeywordFallback(SearchWarnings warnings, VectorCatchUp catchUp) {
        this.warnings = warnings;
        this.catchUp = catchUp;
    }

    /** The vectors for a save, or {@code null} when the model failed: the record is then owed its vectors. */
    public <T> T forSave(Supplier<T> embedding) {
        try {
            return embedding.get();
        } catch (EmbeddingFailedException e) {
            warn("Saved without its vectors, found by its words until the embedding model works again: "
                    + e.getMessage() + ".");
            catchUp.owed();
            return null;
        }
    }

    /** The query's vector, or {@code null} when the model failed: the search then uses keywords only. */
    public <T> T forSearch(Supplier<T> embedding) {
        try {
            return embedding.get();
        } catch (EmbeddingFailedException e) {
            warn("Searched by keywords only: " + e.getMessage() + ".");
            return null;
        }
    }

    private void warn(String warning) {
        LOG.warn(warning);
        if (Arc.container().requestContext().isActive()) {
            warnings.add(warning);
        }
    }
}
