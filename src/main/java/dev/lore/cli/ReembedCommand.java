package dev.lore.cli;

import jakarta.enterprise.context.Dependent;

import dev.lore.search.Reembedder;
import io.quarkus.runtime.QuarkusApplication;

/**
 * {@code lore reembed}: re-embeds what was stored under another embedding model or without passage vectors, then
 * exits.
 */
@Dependent
public class ReembedCommand implements QuarkusApplication {

    private final Reembedder reembedder;

    ReembedCommand(Reembedder reembedder) {
        this.reembedder = reembedder;
    }

    @Override
    public int run(String... args) {
        System.out.println("Re-embedding with " + reembedder.modelId() + " ...");
        int total = reembedder.reembedAll(done -> System.out.println("  " + done + " entries re-embedded"));
        System.out.println(total == 0 ? "Every vector already comes from " + reembedder.modelId() + "."
                : "Done: " + total + " entries re-embedded with " + reembedder.modelId() + ".");
        return 0;
    }
}
