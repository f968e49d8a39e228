package dev.lore.knowledge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import dev.lore.identity.Caller;
import dev.lore.search.IndexEntry;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchHit;
import dev.lore.search.SearchScope;
import dev.lore.search.Tags;
import dev.lore.search.TextVectors;

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

    public Saved save(Caller caller, NewLearning input) {
        String title = input.title().strip();
        String body = input.learning().strip();
        String context = input.context() == null || input.context().isBlank() ? null : input.context().strip();
        List<String> tags = Tags.normalize(input.tags());
        String meaning = Learning.meaning(title, body, context);
        TextVectors vectors = search.embed(meaning);
        SearchScope scope = scope(caller.namespace());
        return search.saving(scope, () -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Optional<Learning> same = search.duplicateOf(scope, meaning, vectors)
                    .flatMap(learnings::findByIdOptional);
            if (same.isPresent()) {
                return new Saved(reinforce(same.get(), title, body, context, tags, vectors, now), false);
            }
            Learning learning = new Learning();
            learning.namespace = caller.namespace();
            learning.title = title;
            learning.body = body;
            learning.context = context;
            learning.tags = tags;
            learning.authorUserId = caller.userId();
            learning.authorAgentId = caller.agentId();
            learning.sessionId = caller.sessionId();
            learning.firstSaved(now);
            learning.updatedAt = now;
            learnings.persist(learning);
            search.index(indexEntryOf(learning), vectors);
            return new Saved(learning, true);
        });
    }

    /**
     * Counts the confirmation and merges the tags; when the new wording says more (a longer text), it replaces the
     * old one.
     */
    private Learning reinforce(Learning learning, String title, String body, String context, List<String> tags,
            TextVectors vectors, Instant now) {
        learning.confirmed(now);
        learning.updatedAt = now;
        learning.tags = Tags.merge(learning.tags, tags);
        boolean fuller = body.length() > learning.body.length();
        if (fuller) {
            learning.title = title;
            learning.body = body;
            learning.context = context;
        }
        search.index(indexEntryOf(learning), fuller ? vectors : null);
        search.confirmed(STORE, learning.id, learning);
        return learning;
    }

    public List<FoundLearning> search(Caller caller, String query, int limit, List<String> tags) {
        SearchScope scope = SearchScope.shared(STORE, caller.namespace(), Tags.normalize(tags));
        return SearchHit.withItems(search.search(scope, query, limit), learnings::findByIds, l -> l.id,
                FoundLearning::new);
    }

    public Optional<Learning> find(String id) {
        return learnings.findByIdOptional(id);
    }

    public List<Learning> recent(String namespace, int limit) {
        return learnings.recent(namespace, limit);
    }

    private static SearchScope scope(String namespace) {
        return SearchScope.shared(STORE, namespace, List.of());
    }

    private static IndexEntry indexEntryOf(Learning learning) {
        return new IndexEntry(STORE, learning.id, learning.namespace, null, learning.sessionId,
                learning.meaning(), learning.tags, learning.createdAt);
    }
}
