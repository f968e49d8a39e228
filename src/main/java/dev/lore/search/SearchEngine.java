package dev.lore.search;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.lore.storage.KeyedWrites;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The one search engine every store uses: keyword retrieval and semantic retrieval over the same entries, fused
 * (see {@link Fusion}). A store indexes its items here in the same transaction that writes them, so a saved item is
 * found by the very next search. Vectors are computed before the write transaction opens ({@link #embed}), so the
 * store is never locked while a model runs.
 */
@ApplicationScoped
public class SearchEngine {

    private static final Logger LOG = Logger.getLogger(SearchEngine.class);
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private final SearchEntryRepository entries;
    private final KeywordIndex keywords;
    private final VectorIndex vectors;
    private final Embeddings embeddings;
    private final SearchSettings settings;
    private final KeyedWrites writes;
    /** Quarkus's worker pool: the keyword query blocks on the database, which the common fork-join pool is not for. */
    private final ExecutorService workers;
    private volatile boolean stopping;

    SearchEngine(SearchEntryRepository entries, KeywordIndex keywords, VectorIndex vectors, Embeddings embeddings,
            SearchSettings settings, KeyedWrites writes, ExecutorService workers) {
        this.entries = entries;
        this.keywords = keywords;
        this.vectors = vectors;
        this.embeddings = embeddings;
        this.settings = settings;
        this.writes = writes;
        this.workers = workers;
    }

    /**
     * The vectors of an item's text, to pass to {@link #index} and {@link #duplicateOf}. Call it before the write
     * transaction opens: it also readies the vector index for vectors of this size and brings it up to date, so the
     * transaction only sees recent changes.
     */
    public TextVectors embed(String text) {
        TextVectors embedded = embeddings.text(text);
        vectors.adoptIfEmpty(embedded.whole().length);
        vectors.refresh(embeddings.modelId());
        return embedded;
    }

    /**
     * Loads the vector index in the background at start, so the first search does not wait for it. A load cut short
     * because Lore is already stopping (a command such as {@code lore reembed} that is done at once, a client that
     * disconnects right away) is no failure worth a warning.
     */
    void warmUp(@Observes StartupEvent start) {
        CompletableFuture.runAsync(() -> {
            try {
                inOwnRequestContext(() -> {
                    vectors.refresh(embeddings.modelId());
                    return null;
                });
            } catch (RuntimeException e) {
                if (!stopping) {
                    LOG.warnf("The vector index will load at the first search: %s", e.getMessage());
                }
            }
        }, workers);
    }

    void stopping(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    /**
     * Indexes an item (again). {@code embedded} holds the vectors of its text; {@code null} keeps the ones already
     * stored, for changes that do not touch what the item says (its tags).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(IndexEntry item, TextVectors embedded) {
        SearchEntry entry = entries.findItem(item.store(), item.itemId()).orElseGet(SearchEntry::new);
        String body = bodyOf(item.text());
        if (entry.seq != null && !entry.body.equals(body)) {
            entries.precedingTextChanged(entry, body);
        }
        entry.store = item.store();
        entry.itemId = item.itemId();
        entry.namespace = item.namespace();
        entry.ownerId = item.ownerId();
        entry.body = body;
        entry.tags.clear();
        entry.tags.addAll(item.tags());
        entry.tagText = String.join(" ", item.tags());
        entry.createdAt = item.createdAt();
        if (entry.seq == null) {
            entry.sessionId = item.sessionId();
            if (item.sessionId() != null) {
                Optional<SearchEntry> last = entries.lastInSession(item.store(), item.namespace(), item.sessionId());
                entry.sessionPos = last.map(preceding -> preceding.sessionPos + 1).orElse(1);
                entry.precedingText = last.filter(preceding -> preceding.sameOwnerAs(entry))
                        .map(preceding -> preceding.body).orElse(null);
            }
            entries.persist(entry);
        }
        entries.flush();
        if (embedded != null) {
            vectors.write(entry.seq, embedded, embeddings.modelId());
        }
    }

    /**
     * Gives items indexed without a vector in a transaction that has since committed (their text was only known
     * inside it) the vector of that text, each in a short transaction of its own, so the store is not locked while
     * the model runs. An item whose text changed in the meantime keeps what its newer writer gave it.
     */
    public void embedCommitted(List<IndexEntry> items) {
        for (IndexEntry item : items) {
            TextVectors embedded = embed(item.text());
            String body = bodyOf(item.text());
            QuarkusTransaction.requiringNew().run(() -> entries.findItem(item.store(), item.itemId())
                    .filter(entry -> entry.body.equals(body))
                    .ifPresent(entry -> vectors.write(entry.seq, embedded, embeddings.modelId())));
        }
    }

    /** The text as stored for search: control characters other than line breaks and tabs become spaces. */
    private static String bodyOf(String text) {
        return CONTROL.matcher(text).replaceAll(" ");
    }

    /** Records that a save confirmed an indexed item again, so searches weigh it by its new standing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmed(String store, String itemId, Confirmable item) {
        entries.findItem(store, itemId).ifPresent(entry -> {
            entry.confirmations = item.confirmations;
            entry.lastConfirmedAt = item.lastConfirmedAt;
        });
    }

    /** Takes an item out of search, and its text out of the keyword index of the item saved after it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String store, String itemId) {
        entries.findItem(store, itemId).ifPresent(entry -> {
            entries.precedingTextChanged(entry, null);
            entries.delete(entry);
        });
    }

    /**
     * Runs a save to the scope in a transaction of its own, holding the scope first: saves to the same scope follow
     * one another, each seeing what the one before it committed, so the same text saved at once by two agents
     * (through one Lore or two) is kept once. The scope is the one the save's {@link #duplicateOf} looks in.
     */
    public <T> T saving(SearchScope scope, Supplier<T> save) {
        return writes.run(scope.writeKey(), () -> {
            vectors.catchUpForSaving(embeddings.modelId());
            return save.get();
        });
    }

    /**
     * The item of the scope that says the same as this text, if there is one: its vector is nearly the same
     * ({@code lore.search.duplicate-similarity}) and it states the same numbers (embeddings barely tell "100 requests
     * a second" from "500 requests a second").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> duplicateOf(SearchScope scope, String text, TextVectors embedded) {
        return vectors.nearest(scope, embedded.whole(), embeddings.modelId(), 1).stream()
                .filter(hit -> hit.similarity() >= settings.duplicateSimilarity())
                .map(hit -> entries.findById(hit.entry().seq()))
                .filter(entry -> entry != null && numbersIn(entry.body).equals(numbersIn(text)))
                .map(entry -> entry.itemId)
                .findFirst();
    }

    private static Set<String> numbersIn(String text) {
        Set<String> numbers = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }

    /**
     * The items of the scope that best answer a natural-language query, best first. Reads only, outside any write
     * transaction, so searches never wait for or hold the store's write lock. The keyword index answers on its own
     * connection while the query is embedded and the vector index searched, so a slow keyword query does not hold
     * up the semantic side (on PostgreSQL the two run on separate server processes).
     */
    public List<SearchHit> search(SearchScope scope, String query, int limit) {
        QueryTerms terms = QueryTerms.of(query);
        int depth = Math.max(Fusion.FLOOR_RANK, limit * 5);
        CompletableFuture<KeywordMatches> keyword = terms.isEmpty()
                ? CompletableFuture.completedFuture(KeywordMatches.NONE)
                : CompletableFuture.supplyAsync(() -> inOwnRequestContext(() -> keywords.search(scope, terms, depth)),
                        workers);
        vectors.refresh(embeddings.modelId());
        float[] queryVector = embeddings.query(query);
        List<VectorHit> semantic = vectors.nearest(scope, queryVector, embeddings.modelId(), depth);

        Fusion fusion = new Fusion(settings, semantic, joined(keyword));
        fusion.add(entries.neighbours(scope, fusion.leaders(Math.max(20, limit * 2)), settings.neighbourWindow()));
        fusion.similarities(vectors.similarities(fusion.withoutSimilarity(), queryVector, embeddings.modelId()));
        fusion.passages(vectors.passageSimilarities(fusion.withSimilarity(), queryVector));
        fusion.lendToNeighbours();
        List<Long> contenders = fusion.contenders(limit * 3);
        fusion.boostTags(entries.tagsOf(contenders), terms, query);
        fusion.weigh(entries.standingsOf(contenders), Instant.now());
        return fusion.top(limit);
    }

    /** Runs work off the request's thread in a request context of its own: its own persistence session and connection. */
    private static <T> T inOwnRequestContext(Supplier<T> work) {
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
