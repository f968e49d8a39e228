package dev.lore.memory;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.identity.Caller;
import dev.lore.search.Found;
import dev.lore.store.Learned;
import dev.lore.store.LearningStore;
import dev.lore.store.RecallPart;
import dev.lore.store.RecallRequest;
import dev.lore.store.RecallSlot;
import dev.lore.store.StoreRecords;

/**
 * User Memory as a learning store: what is remembered about the caller's user, the memories that answer the recall's
 * query best (the latest ones without a query).
 */
@ApplicationScoped
public class MemoryStore implements LearningStore<NewMemory> {

    static final int RECALLED = 8;

    private final MemoryService memories;
    private final MemoryRecords records;

    MemoryStore(MemoryService memories, MemoryRecords records) {
        this.memories = memories;
        this.records = records;
    }

    @Override
    public String name() {
        return MemoryService.STORE;
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public RecallSlot recallSlot() {
        return new RecallSlot(300, 0.4);
    }

    @Override
    public RecallPart recall(RecallRequest request) {
        String user = request.caller().userId();
        List<Memory> remembered = request.hasQuery()
                ? memories.search(user, request.query(), RECALLED).stream().map(Found::record).toList()
                : memories.list(user, null, RECALLED);
        return new RecallPart("## Remembered about " + user, remembered.stream()
                .map(m -> "- " + m.body + " (" + m.createdAt.toString().substring(0, 10) + ")").toList());
    }

    @Override
    public Class<NewMemory> knowledgeType() {
        return NewMemory.class;
    }

    @Override
    public Optional<String> extractionGuide() {
        return Optional.of("""
            Observations about the user that will matter in later conversations: what they work on, plan, like or \
            dislike, their situation. One or two sentences each, in the third person, naming the user; topics are a \
            few lowercase words.""");
    }

    @Override
    public List<Learned> learn(Caller caller, List<NewMemory> knowledge) {
        return knowledge.stream().map(item -> memories.save(caller, item))
                .map(saved -> Learned.saved(name(), saved.record().id, saved.created())).toList();
    }

    @Override
    public StoreRecords<MemoryLine> records() {
        return records;
    }
}
