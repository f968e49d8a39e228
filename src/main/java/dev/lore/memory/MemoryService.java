package dev.lore.memory;

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
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * User Memory: observations about one user, private to them. A near-duplicate observation reinforces the memory it
 * repeats instead of adding a copy; a forgotten memory is deleted, and an audit line records that it was.
 */
@ApplicationScoped
@ActivateRequestContext
public class MemoryService {

    static final String STORE = "memory";

    private final MemoryRepository memories;
    private final MemoryAuditRepository audit;
    private final SearchEngine search;

    MemoryService(MemoryRepository memories, MemoryAuditRepository audit, SearchEngine search) {
        this.memories = memories;
        this.audit = audit;
        this.search = search;
    }

    /** The memory saved: a new one, or the one this observation repeats, reinforced. */
    public record Saved(Memory memory, boolean created) {
    }

    /** A memory a search found, and why. */
    public record Found(Memory memory, SearchHit hit) {
    }

    public Saved save(Caller caller, String text, List<String> topics) {
        String body = text.strip();
        List<String> normalizedTopics = Tags.normalize(topics);
        TextVectors vectors = search.embed(body);
        SearchScope scope = scope(caller.userId());
        return search.saving(scope, () -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Optional<Memory> same = search.duplicateOf(scope, body, vectors)
                    .flatMap(memories::findByIdOptional);
            if (same.isPresent()) {
                Memory memory = same.get();
                memory.confirmed(now);
                memory.updatedAt = now;
                memory.topics = Tags.merge(memory.topics, normalizedTopics);
                boolean fuller = body.length() > memory.body.length();
                if (fuller) {
                    memory.body = body;
                }
                search.index(indexEntryOf(memory), fuller ? vectors : null);
                search.confirmed(STORE, memory.id, memory);
                return new Saved(memory, false);
            }
            Memory memory = new Memory();
            memory.userId = caller.userId();
            memory.body = body;
            memory.topics = normalizedTopics;
            memory.agentId = caller.agentId();
            memory.sessionId = caller.sessionId();
            memory.firstSaved(now);
            memory.updatedAt = now;
            memories.persist(memory);
            search.index(indexEntryOf(memory), vectors);
            return new Saved(memory, true);
        });
    }

    public List<Found> search(String userId, String query, int limit) {
        return SearchHit.withItems(search.search(scope(userId), query, limit), memories::findByIds, m -> m.id,
                Found::new);
    }

    public List<Memory> list(String userId, String topic, int limit) {
        return memories.latest(userId, topic == null ? null : Tags.normalize(List.of(topic)).get(0), limit);
    }

    /** Deletes one of the caller's memories and records that it was forgotten; empty when there is none. */
    public Optional<Memory> forget(Caller caller, String id) {
        return QuarkusTransaction.requiringNew().call(() -> memories.ofUser(id, caller.userId()).map(memory -> {
            search.remove(STORE, memory.id);
            memories.delete(memory);
            MemoryAudit line = new MemoryAudit();
            line.userId = caller.userId();
            line.memoryId = memory.id;
            line.action = "forgotten";
            line.happenedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            line.agentId = caller.agentId();
            line.sessionId = caller.sessionId();
            audit.persist(line);
            return memory;
        }));
    }

    /** A user's memories live in the default namespace, owned by the user: no search sees another user's. */
    private static SearchScope scope(String userId) {
        return new SearchScope(STORE, Caller.DEFAULT_NAMESPACE, userId, List.of());
    }

    private static IndexEntry indexEntryOf(Memory memory) {
        return new IndexEntry(STORE, memory.id, Caller.DEFAULT_NAMESPACE, memory.userId, memory.sessionId,
                memory.body, memory.topics, memory.createdAt);
    }
}
