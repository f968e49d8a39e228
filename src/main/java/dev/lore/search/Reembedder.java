package dev.lore.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import dev.lore.search.embedding.Embeddings;
import dev.lore.search.embedding.TextVectors;
import dev.lore.search.entries.SearchEntryRepository;
import dev.lore.search.vector.VectorIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Brings every stored vector up to the configured embedding model: entries whose vector is missing or was made by
 * another model, or that have no passage vectors yet (saved before passages existed), are embedded again, in small
 * batches, each written in its own transaction. Until then, semantic search ignores vectors of another model
 * (keyword search still finds their entries) and ranks entries without passages by their whole text.
 */
@ApplicationScoped
public class Reembedder {

    static final int BATCH = 64;

    private final SearchEntryRepository entries;
    private final VectorIndex vectors;
    private final Embeddings embeddings;

    Reembedder(SearchEntryRepository entries, VectorIndex vectors, Embeddings embeddings) {
        this.entries = entries;
        this.vectors = vectors;
        this.embeddings = embeddings;
    }

    /** The embedding model vectors are brought up to. */
    public String modelId() {
        return embeddings.modelId();
    }

    /**
     * Embeds a sentence with the model, to show it loads and works ({@code lore doctor}); answers the dimension of its
     * vectors.
     */
    public int tryModel() {
        return embeddings.text("Lore checks that its embedding model loads and embeds.").whole().length;
    }

    /** How many entries wait for vectors of the model: {@link #reembedAll} would embed them again. */
    @ActivateRequestContext
    public long staleEntries() {
        return entries.countWithStaleVectors(embeddings.modelId());
    }

    /** How many entries have no vector at all: saved while the model failed, owed vectors ({@link #embedMissing}). */
    @ActivateRequestContext
    public long withoutVectors() {
        return entries.countWithoutVectors();
    }

    /**
     * Embeds the entries that have no vector at all, leaving vectors of another model as they are; returns how many
     * (none while the store holds vectors of another size, which wait for {@link #reembedAll}). Each batch is written
     * as soon as it is embedded, so a model that fails half-way leaves the rest for next time.
     */
    public int embedMissing() {
        String model = embeddings.modelId();
        int dimension = embeddings.dimension();
        vectors.prepareFor(model, dimension);
        if (!QuarkusTransaction.requiringNew().call(() -> vectors.takes(dimension))) {
            return 0; // the store holds another model's vectors: lore reembed embeds these with the rest
        }
        int done = 0;
        long afterSeq = 0;
        while (true) {
            long after = afterSeq;
            Map<Long, String> missing = QuarkusTransaction.requiringNew()
                    .call(() -> entries.withoutVectors(after, BATCH));
            if (missing.isEmpty()) {
                return done;
            }
            write(embedEach(missing), model);
            done += missing.size();
            afterSeq = Collections.max(missing.keySet());
        }
    }

    /** Re-embeds all stale entries; reports the running count after each batch and returns the total. */
    public int reembedAll(IntConsumer progress) {
        String model = embeddings.modelId();
        int dimension = embeddings.dimension();
        QuarkusTransaction.requiringNew().run(() -> vectors.makeRoomFor(dimension));
        int done = 0;
        while (true) {
            Map<Long, String> stale = QuarkusTransaction.requiringNew()
                    .call(() -> entries.withStaleVectors(model, BATCH));
            if (stale.isEmpty()) {
                return done;
            }
            Map<Long, TextVectors> embedded = embedEach(stale);
            write(embedded, model);
            done += embedded.size();
            progress.accept(done);
        }
    }

    private Map<Long, TextVectors> embedEach(Map<Long, String> texts) {
        Map<Long, TextVectors> embedded = new LinkedHashMap<>();
        texts.forEach((seq, text) -> embedded.put(seq, embeddings.text(text)));
        return embedded;
    }

    private void write(Map<Long, TextVectors> embedded, String model) {
        QuarkusTransaction.requiringNew()
                .run(() -> embedded.forEach((seq, vector) -> vectors.write(seq, vector, model)));
    }
}
