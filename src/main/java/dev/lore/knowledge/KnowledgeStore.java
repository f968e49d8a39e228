package dev.lore.knowledge;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.identity.Caller;
import dev.lore.store.Learned;
import dev.lore.store.LearningStore;
import dev.lore.store.RecallPart;
import dev.lore.store.RecallRequest;
import dev.lore.store.RecallSlot;
import dev.lore.store.StoreRecords;

/** Learned Knowledge as a learning store: the namespace's learnings that bear on the recall's query. */
@ApplicationScoped
public class KnowledgeStore implements LearningStore<NewLearning> {

    static final int RECALLED = 5;

    private final LearningService learnings;
    private final KnowledgeRecords records;

    KnowledgeStore(LearningService learnings, KnowledgeRecords records) {
        this.learnings = learnings;
        this.records = records;
    }

    @Override
    public String name() {
        return LearningService.STORE;
    }

    @Override
    public RecallSlot recallSlot() {
        return new RecallSlot(500, 0.3);
    }

    @Override
    public RecallPart recall(RecallRequest request) {
        if (!request.hasQuery()) {
            return RecallPart.NONE;
        }
        return new RecallPart("## Team learnings relevant to \"" + request.query() + "\"",
                learnings.search(request.caller(), request.query(), RECALLED, List.of()).stream()
                        .filter(found -> request.bearsOn(found.hit()))
                        .map(found -> "- " + found.record().title + ": " + found.record().body).toList());
    }

    @Override
    public Class<NewLearning> knowledgeType() {
        return NewLearning.class;
    }

    @Override
    public Optional<String> extractionGuide() {
        return Optional.of("""
            Insights that would help anyone on the team, not only this user: how a problem was solved, a pitfall, a \
            rule that held. A short title and the learning in a few sentences.""");
    }

    @Override
    public List<Learned> learn(Caller caller, List<NewLearning> knowledge) {
        return knowledge.stream().map(item -> learnings.save(caller, item))
                .map(saved -> Learned.saved(name(), saved.record().id, saved.created())).toList();
    }

    @Override
    public StoreRecords<LearningLine> records() {
        return records;
    }
}
