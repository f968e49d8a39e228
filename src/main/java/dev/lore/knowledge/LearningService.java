package dev.lore.knowledge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.lore.identity.Caller;
import dev.lore.search.IndexEntry;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchHit;
import dev.lore.search.SearchScope;
import dev.lore.search.Tags;

/** Learned Knowledge: insights saved by anyone in a namespace, found by anyone in it. */
@ApplicationScoped
public class LearningService {

    static final String STORE = "knowledge";

    private final LearningRepository learnings;
    private final SearchEngine search;

    LearningService(LearningRepository learnings, SearchEngine search) {
        this.learnings = learnings;
        this.search = search;
    }

    @Transactional
    public Learning save(Caller caller, NewLearning input) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Learning learning = new Learning();
        learning.namespace = caller.namespace();
        learning.title = input.title().strip();
        learning.body = input.learning().strip();
        learning.context = input.context() == null || input.context().isBlank() ? null : input.context().strip();
        learning.tags = Tags.normalize(input.tags());
        learning.authorUserId = caller.userId();
        learning.authorAgentId = caller.agentId();
        learning.sessionId = caller.sessionId();
        learning.createdAt = now;
        learning.updatedAt = now;
        learnings.persist(learning);
        search.index(indexEntryOf(learning));
        return learning;
    }

    @Transactional
    public List<FoundLearning> search(Caller caller, String query, int limit, List<String> tags) {
        List<SearchHit> hits = search.search(SearchScope.shared(STORE, caller.namespace(), Tags.normalize(tags)), query,
                limit);
        Map<String, Learning> byId = learnings.findByIds(hits.stream().map(SearchHit::itemId).toList()).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
        return hits.stream()
                .filter(h -> byId.containsKey(h.itemId()))
                .map(h -> new FoundLearning(byId.get(h.itemId()), h.score(), h.matchedTerms()))
                .toList();
    }

    @Transactional
    public Optional<Learning> find(String id) {
        return learnings.findByIdOptional(id);
    }

    @Transactional
    public List<Learning> recent(String namespace, int limit) {
        return learnings.recent(namespace, limit);
    }

    private static IndexEntry indexEntryOf(Learning learning) {
        return new IndexEntry(STORE, learning.id, learning.namespace, null, learning.searchableText(), learning.tags,
                learning.createdAt);
    }
}
