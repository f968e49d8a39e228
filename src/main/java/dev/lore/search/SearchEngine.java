package dev.lore.search;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The one search engine every store uses: keyword retrieval and semantic retrieval over the same entries, fused
 * (see {@link Fusion}). A store indexes its items here in the same transaction that writes them, so a saved item is
 * found by the very next search. Vectors are computed before the write transaction opens ({@link #embed}), so the
 * store is never locked while a model runs.
 */
@ApplicationScoped
public class SearchEngine {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private final SearchEntryRepository entries;
    private final KeywordIndex keywords;
    private final VectorIndex vectors;
    private final Embeddings embeddings;
    private final SearchSettings settings;

    SearchEngine(SearchEntryRepository entries, KeywordIndex keywords, VectorIndex vectors, Embeddings embeddings,
            SearchSettings settings) {
        this.entries = entries;
        this.keywords = keywords;
        this.vectors = vectors;
        this.embeddings = embeddings;
        this.settings = settings;
    }

    /** The vector of an item's text, to pass to {@link #index} and {@link #duplicateOf}. */
    public float[] embed(String text) {
        return embeddings.passage(text);
    }

    /**
     * Indexes an item (again). {@code vector} is the vector of its text; {@code null} keeps the one already stored,
     * for changes that do not touch what the item says (its tags).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void index(IndexEntry item, float[] vector) {
        SearchEntry entry = entries.findItem(item.store(), item.itemId()).orElseGet(SearchEntry::new);
        entry.store = item.store();
        entry.itemId = item.itemId();
        entry.namespace = item.namespace();
        entry.ownerId = item.ownerId();
        entry.body = CONTROL.matcher(item.text()).replaceAll(" ");
        entry.tags.clear();
        entry.tags.addAll(item.tags());
        entry.tagText = String.join(" ", item.tags());
        entry.createdAt = item.createdAt();
        if (entry.seq == null) {
            entry.sessionId = item.sessionId();
            entry.sessionPos = item.sessionId() == null ? null
                    : entries.nextSessionPos(item.store(), item.namespace(), item.sessionId());
            entries.persist(entry);
        }
        entries.flush();
        if (vector != null) {
            vectors.write(entry.seq, vector, embeddings.modelId());
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remove(String store, String itemId) {
        entries.findItem(store, itemId).ifPresent(entries::delete);
    }

    /**
     * The item of the scope that says the same as this text, if there is one: its vector is nearly the same
     * ({@code lore.search.duplicate-similarity}) and it states the same numbers (embeddings barely tell "100 requests
     * a second" from "500 requests a second").
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> duplicateOf(SearchScope scope, String text, float[] vector) {
        return vectors.nearest(scope, vector, embeddings.modelId(), 1).stream()
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

    /** The items of the scope that best answer a natural-language query, best first. */
    @Transactional
    public List<SearchHit> search(SearchScope scope, String query, int limit) {
        float[] queryVector = embeddings.query(query);
        QueryTerms terms = QueryTerms.of(query);
        int depth = Math.max(50, limit * 5);
        List<KeywordHit> keyword = terms.isEmpty() ? List.of() : keywords.search(scope, terms, depth);
        List<VectorHit> semantic = vectors.nearest(scope, queryVector, embeddings.modelId(), depth);

        Fusion fusion = new Fusion(settings, semantic, keyword);
        fusion.add(entries.neighbours(scope, fusion.leaders(Math.max(20, limit * 2)), settings.neighbourWindow()));
        fusion.similarities(vectors.similarities(fusion.withoutSimilarity(), queryVector, embeddings.modelId()));
        fusion.lendToNeighbours();
        fusion.boostTags(entries.tagsOf(fusion.contenders(limit * 3)), terms, query);
        return fusion.top(limit);
    }
}
