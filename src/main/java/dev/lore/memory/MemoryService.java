package dev.lore.memory;

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
 * User Memory: observations about one user, private to them. A near-duplicate observation reinforces the memory it
 * repeats instead of adding a copy; a forgotten memory is deleted, and an audit line records that it was.
 */
@ApplicationScoped
@ActivateRequestContext
public class MemoryService {

    static final String STORE = "memory";
    static final String FORGOTTEN = "forgotten";

    private final MemoryRepository memories;
    private final MemoryAuditRepository audit;
    private final SearchEngine search;

    MemoryService(MemoryRepository memories, MemoryAuditRepository audit, SearchEngine search) {
        this.memories = memories;
        this.audit = audit;
        this.search = search;
    }

    /** Remembers an observation about the caller's user; one that repeats a memory reinforces it. */
    public Saved<Memory> save(Caller caller, @Valid NewMemory input) {
        String body = input.memory().strip();
        List<String> normalizedTopics = Tags.normalize(input.topics());
        return search.remember(scope(caller.userId()), body, new MergingRecord<>(memories::findByIdOptional,
                write -> {
                    Memory memory = Memory.remembered(caller, body, normalizedTopics, write.now());
                    memories.persist(memory);
                    return memory;
                }, (memory, write) -> memory.reinforce(body, normalizedTopics, write.now()),
                MemoryService::entryOf));
    }

    public List<Found<Memory>> search(String userId, String query, int limit) {
        return Found.of(search.search(scope(userId), query, limit), memories::withIds, m -> m.id);
    }

    public List<Memory> list(String userId, String topic, int limit) {
        return memories.latest(userId, topic == null ? null : Tags.normalize(List.of(topic)).get(0), limit);
    }

    /** Deletes one of the caller's memories and records that it was forgotten; empty when there is none. */
    public Optional<Memory> forget(Caller caller, String id) {
        return search.write(scope(caller.userId()), write -> memories.ofUser(id, caller.userId()).map(memory -> {
            write.forget(STORE, memory.id);
            memories.delete(memory);
            MemoryAudit line = new MemoryAudit();
            line.userId = caller.userId();
            line.memoryId = memory.id;
            line.action = FORGOTTEN;
            line.happenedAt = write.now();
            line.agentId = caller.agentId();
            line.sessionId = caller.sessionId();
            audit.persist(line);
            return memory;
        }));
    }

    /** What search keeps of a memory. */
    static IndexEntry entryOf(Memory memory) {
        return new IndexEntry(STORE, memory.id, Caller.DEFAULT_NAMESPACE, memory.userId, memory.sessionId, memory.body,
                memory.topics, memory);
    }

    /** A user's memories live in the default namespace, owned by the user: no search sees another user's. */
    static SearchScope scope(String userId) {
        return new SearchScope(STORE, Caller.DEFAULT_NAMESPACE, userId, List.of());
    }
}
