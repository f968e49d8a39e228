package dev.lore.cli;

import dev.lore.search.Reembedder;
import dev.lore.search.embedding.Embeddings;

import jakarta.enterprise.context.Dependent;

import io.quarkus.runtime.QuarkusApplication;

/**
 * {@code lore reembed}: re-embeds what was stored under another embedding model or without passage vectors, then
 * exits.
 */
@Dependent
public class ReembedCommand implements QuarkusApplication {

    private final Reembedder reembedder;
    private final Embeddings embeddings;

    ReembedCommand(Reembedder reembedder, Embeddings embeddings) {
        this.reembedder = reembedder;
        this.embeddings = embeddings;
    }

    @Override
    public int run(String... args) {
        System.out.println("Re-embedding with " + embeddings.modelId() + " ...");
        int total = reembedder.reembedAll(done -> System.out.println("  " + done + " entries re-embedded"));
        System.out.println(total == 0 ? "Every vector already comes from " + embeddings.modelId() + "."
                : "Done: " + total + " entries re-embedded with " + embeddings.modelId() + ".");
        return 0;
    }
}
