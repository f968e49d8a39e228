package dev.lore.knowledge;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.validation.Valid;

import dev.lore.identity.Caller;
import dev.lore.search.Found;
import dev.lore.search.IndexEntry;
import dev.lore.search.MergingRecord;
import dev.lore.search.Saved;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchScope;
import dev.lore.store.Tags;

/**
 * Learned Knowledge: insights saved by anyone in a namespace, found by anyone in it. Saving what the namespace already
 * knows (a near-duplicate) reinforces the existing learning instead of adding a copy. Reads run outside transactions
 * (so they never take the store's write lock); writes run in one transaction each, opened after the text is embedded.
 */
@ApplicationScoped
@ActivateRequestContext
public class LearningService {

    static final String STORE = "knowledge";

    private final LearningRepository learnings;
    private final SearchEngine search;

    LearningService(LearningRepository learnings, SearchEngine search) {
        this.learnings = learnings;
        this.search = search;
    }

    public Saved<Learning> save(Caller caller, @Valid NewLearning input) {
        String title = input.title().strip();
        String body = input.learning().strip();
        String context = input.context() == null || input.context().isBlank() ? null : input.context().strip();
        List<String> tags = Tags.normalize(input.tags());
        return search.remember(scope(caller.namespace(), List.of()), Learning.meaning(title, body, context),
                new MergingRecord<>(learnings::findByIdOptional, write -> {
                    Learning learning = Learning.saved(caller, title, body, context, tags, write.now());
                    learnings.persist(learning);
                    return learning;
                }, (learning, write) -> learning.reinforce(title, body, context, tags, write.now()),
                        LearningService::entryOf));
    }

    public List<Found<Learning>> search(Caller caller, String query, int limit, List<String> tags) {
        return Found.of(search.search(scope(caller.namespace(), Tags.normalize(tags)), query, limit),
                learnings::withIds, l -> l.id);
    }

    public Optional<Learning> find(String id) {
        return learnings.findByIdOptional(id);
    }

    public List<Learning> recent(String namespace, int limit) {
        return learnings.recent(namespace, limit);
    }

    /** What search keeps of a learning. */
    static IndexEntry entryOf(Learning learning) {
        return new IndexEntry(STORE, learning.id, learning.namespace, null, learning.sessionId, learning.meaning(),
                learning.tags, learning);
    }

    static SearchScope scope(String namespace, List<String> tags) {
        return SearchScope.shared(STORE, namespace, tags);
    }
}
