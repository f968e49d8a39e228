package dev.lore.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.search.embedding.Embeddings;
import dev.lore.search.embedding.TextVectors;
import dev.lore.search.entries.SearchEntry;
import dev.lore.search.entries.SearchEntryRepository;
import dev.lore.search.ranking.HybridSearch;
import dev.lore.search.ranking.SearchSettings;
import dev.lore.search.vector.VectorIndex;
import dev.lore.storage.KeyedWrites;

/**
 * The one search engine every store uses, and the one way a store writes what search finds. A store saves a record
 * with {@link #remember} (a near-duplicate already stored is confirmed instead of copied) or {@link #add} (each save
 * stands on its own), changes records and their index entries in a {@link #write}, and finds them with
 * {@link #search}: keyword and semantic retrieval over the same entries, fused. A record is indexed in the same
 * transaction that writes it, so it is found by the very next search; its vectors are made before that transaction
 * opens, so the store is never locked while a model runs.
 */
@ApplicationScoped
public class SearchEngine {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)*");

    private final SearchEntryRepository entries;
    private final VectorIndex vectors;
    private final Embeddings embeddings;
    private final SearchSettings settings;
    private final KeyedWrites writes;
    private final HybridSearch hybrid;
    private final KeywordFallback fallback;

    SearchEngine(SearchEntryRepository entries, VectorIndex vectors, Embeddings embeddings, SearchSettings settings,
            KeyedWrites writes, HybridSearch hybrid, KeywordFallback fallback) {
        this.entries = entries;
        this.vectors = vectors;
        this.embeddings = embeddings;
        this.settings = settings;
        this.writes = writes;
        this.hybrid = hybrid;
        this.fallback = fallback;
    }

    /**
     * Saves a record, or confirms the one of the scope that already says the same: its vector is nearly the same
     * ({@code lore.search.duplicate-similarity}) and it states the same numbers (embeddings barely tell "100 requests a
     * second" from "500 requests a second"). Saves to one scope follow one another, each seeing what the one before it
     * committed, so the same text saved at once by two agents (through one Lore or two) is kept once.
     *
     * @param text what the record says: its vectors, and what a near-duplicate is measured against
     */
    public <T> Saved<T> remember(SearchScope scope, String text, MergingRecord<T> record) {
        TextVectors embedded = vectorsForSave(text);
        return write(scope, write -> {
            Optional<T> same = Optional.empty();
            if (embedded != null) { // without vectors, nothing tells a near-duplicate: it is kept as a record of its own
                vectors.prepareFor(embeddings.modelId(), embedded.whole().length);
                same = duplicateOf(scope, text, embedded).flatMap(record.find());
            }
            if (same.isPresent()) {
                boolean changed = record.merge().test(same.get(), write);
                index(record.entryOf().apply(same.get()), changed ? embedded : null);
                return new Saved<>(same.get(), false);
            }
            T created = record.create().apply(write);
            index(record.entryOf().apply(created), embedded);
            return new Saved<>(created, true);
        });
    }

    /** Saves a record that stands on its own, whatever the scope already holds. */
    public <T> T add(SearchScope scope, String text, NewRecord<T> record) {
        TextVectors embedded = vectorsForSave(text);
        return write(scope, write -> {
            T created = record.create().apply(write);
            index(record.entryOf().apply(created), embedded);
            return created;
        });
    }

    /**
     * Saves records that each stand on their own, made from the given texts, in one write: either all of them are
     * kept or, when the write fails, none is. {@code create} is asked for the record of each text in turn, inside the
     * write, and may decline one (empty: a record that is there already).
     */
    public <T> List<T> addEach(SearchScope scope, List<String> texts, BiFunction<Write, Integer, Optional<T>> create,
            Function<T, IndexEntry> entryOf) {
        List<TextVectors> embedded = texts.stream().map(this::vectorsForSave).toList();
        return write(scope, write -> {
            List<T> created = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                int made = i;
                create.apply(write, i).ifPresent(record -> {
                    index(entryOf.apply(record), embedded.get(made));
                    created.add(record);
                });
            }
            return created;
        });
    }

    /**
     * Runs a write in a transaction of its own that holds the scope first: writes to one scope follow one another,
     * each seeing what the one before it committed. Records indexed in it without a vector ({@link Write#index}) get
     * theirs once it has committed.
     */
    public <T> T write(SearchScope scope, Function<Write, T> work) {
        Write write = new Write(this);
        T result = writes.run(scope.writeKey(), () -> work.apply(write));
        embedCommitted(write.toEmbed());
        return result;
    }

    /** The items of the scope that best answer a natural-language query, best first. Reads only. */
    public List<SearchHit> search(SearchScope scope, String query, int limit) {
        return hybrid.search(scope, query, limit);
    }

    /**
     * The vectors of a record's text, or {@code null} when the model fails: the record is then saved findable by its
     * words and given its vectors later ({@link KeywordFallback}).
     */
    private TextVectors vectorsForSave(String text) {
        return fallback.forSave(() -> embedded(text));
    }

    /**
     * The vectors of a record's text, made before its write opens; the vector index is brought up to date then too,
     * so the write only takes in what was committed meanwhile.
     */
    TextVectors embedded(String text) {
        TextVectors embedded = embeddings.text(text);
        vectors.prepareFor(embeddings.modelId(), embedded.whole().length);
        return embedded;
    }

    /**
     * Indexes a record (again), in the write's transaction. {@code embedded} holds the vectors of its text;
     * {@code null} keeps the ones already stored, for changes that do not touch what it says (its tags, its standing).
     */
    void index(IndexEntry item, TextVectors embedded) {
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
        entry.standAs(item.standing());
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

    /** Takes a record out of search, in the write's transaction. */
    void remove(String store, String itemId) {
        entries.findItem(store, itemId).ifPresent(entry -> {
            entries.precedingTextChanged(entry, null);
            entries.delete(entry);
        });
    }

    /**
     * Gives records indexed without a vector in a write that has since committed the vector of their text, each in a
     * short write of its own. A record whose text changed in the meantime keeps what its newer writer gave it.
     */
    private void embedCommitted(List<IndexEntry> items) {
        for (IndexEntry item : items) {
            TextVectors embedded = vectorsForSave(item.text());
            if (embedded == null) {
                continue;
            }
            String body = bodyOf(item.text());
            writes.run(SearchScope.shared(item.store(), item.namespace(), List.of()).writeKey(),
                    () -> entries.findItem(item.store(), item.itemId())
                            .filter(entry -> entry.body.equals(body))
                            .map(entry -> {
                                vectors.write(entry.seq, embedded, embeddings.modelId());
                                return entry;
                            }));
        }
    }

    /** The item of the scope that says the same as this text, if there is one. */
    private Optional<String> duplicateOf(SearchScope scope, String text, TextVectors embedded) {
        return vectors.nearest(scope, embedded.whole(), embeddings.modelId(), 1).stream()
                .filter(hit -> hit.similarity() >= settings.duplicateSimilarity())
                .map(hit -> entries.findById(hit.entry().seq()))
                .filter(entry -> entry != null && numbersIn(entry.body).equals(numbersIn(text)))
                .map(entry -> entry.itemId)
                .findFirst();
    }

    /** The text as stored for search: control characters other than line breaks and tabs become spaces. */
    private static String bodyOf(String text) {
        return CONTROL.matcher(text).replaceAll(" ");
    }

    private static Set<String> numbersIn(String text) {
        Set<String> numbers = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            numbers.add(m.group());
        }
        return numbers;
    }
}
