package dev.lore.search.ranking;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.search.KeywordFallback;
import dev.lore.search.SearchHit;
import dev.lore.search.SearchScope;
import dev.lore.search.embedding.Embeddings;
import dev.lore.search.entries.SearchEntryRepository;
import dev.lore.search.keyword.KeywordIndex;
import dev.lore.search.keyword.KeywordMatches;
import dev.lore.search.keyword.QueryTerms;
import dev.lore.search.vector.VectorHit;
import dev.lore.search.vector.VectorIndex;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * A search over the entries of one scope: keyword retrieval and semantic retrieval, fused ({@link Fusion}), then the
 * neighbours of the leaders, passage similarities, tags and standing (keywords alone while the embedding model
 * fails). Reads only, outside any write transaction, so searches never wait for or hold the store's write lock. The
 * keyword index answers on its own connection while the query is embedded and the vector index searched, so a slow
 * keyword query does not hold up the semantic side (on PostgreSQL the two run on separate server processes).
 */
@ApplicationScoped
public class HybridSearch {

    private final SearchEntryRepository entries;
    private final KeywordIndex keywords;
    private final VectorIndex vectors;
    private final Embeddings embeddings;
    private final SearchSettings settings;
    /** Quarkus's worker pool: the keyword query blocks on the database, which the common fork-join pool is not for. */
    private final ExecutorService workers;
    private final KeywordFallback fallback;

    HybridSearch(SearchEntryRepository entries, KeywordIndex keywords, VectorIndex vectors, Embeddings embeddings,
            SearchSettings settings, ExecutorService workers, KeywordFallback fallback) {
        this.entries = entries;
        this.keywords = keywords;
        this.vectors = vectors;
        this.embeddings = embeddings;
        this.settings = settings;
        this.workers = workers;
        this.fallback = fallback;
    }

    /** The items of the scope that best answer a natural-language query, best first. */
    public List<SearchHit> search(SearchScope scope, String query, int limit) {
        QueryTerms terms = QueryTerms.of(query);
        int depth = Math.max(Fusion.FLOOR_RANK, limit * 5);
        CompletableFuture<KeywordMatches> keyword = terms.isEmpty()
                ? CompletableFuture.completedFuture(KeywordMatches.NONE)
                : CompletableFuture.supplyAsync(() -> inOwnRequestContext(() -> keywords.search(scope, terms, depth)),
                        workers);
        float[] queryVector = fallback.forSearch(() -> embeddings.query(query));
        List<VectorHit> semantic = queryVector == null
                ? List.of()
                : vectors.nearest(scope, queryVector, embeddings.modelId(), depth);

        Fusion fusion = new Fusion(settings, semantic, joined(keyword));
        fusion.add(entries.neighbours(scope, fusion.leaders(Math.max(20, limit * 2)), settings.neighbourWindow()));
        if (queryVector != null) {
            fusion.similarities(vectors.similarities(fusion.withoutSimilarity(), queryVector, embeddings.modelId()));
            fusion.passages(vectors.passageSimilarities(fusion.withSimilarity(), queryVector));
        }
        fusion.lendToNeighbours();
        List<Long> contenders = fusion.contenders(limit * 3);
        fusion.boostTags(entries.tagsOf(contenders), terms, query);
        fusion.weigh(entries.standingsOf(contenders), Instant.now());
        return fusion.top(limit);
    }

    /** Runs work off the request's thread in a request context of its own: its own persistence session and connection. */
    public static <T> T inOwnRequestContext(Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return work.get();
        } finally {
            requestContext.terminate();
        }
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
