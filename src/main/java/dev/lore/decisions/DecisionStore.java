package dev.lore.decisions;

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

/** Decision Log as a learning store: the namespace's decisions that bear on the recall's query, with their outcome. */
@ApplicationScoped
public class DecisionStore implements LearningStore<NewDecision> {

    static final int RECALLED = 5;

    private final DecisionService decisions;
    private final DecisionRecords records;

    DecisionStore(DecisionService decisions, DecisionRecords records) {
        this.decisions = decisions;
        this.records = records;
    }

    @Override
    public String name() {
        return DecisionService.STORE;
    }

    @Override
    public RecallSlot recallSlot() {
        return new RecallSlot(600, 0.25);
    }

    @Override
    public RecallPart recall(RecallRequest request) {
        if (!request.hasQuery()) {
            return RecallPart.NONE;
        }
        return new RecallPart("## Decisions relevant to \"" + request.query() + "\"",
                decisions.search(request.caller().namespace(), request.query(), RECALLED, null, List.of()).stream()
                        .filter(found -> request.bearsOn(found.hit()))
                        .map(found -> found.record())
                        .map(d -> "- " + d.decision + " (why: " + d.reasoning
                                + (d.outcome == null ? "" : "; outcome: " + d.outcome) + ")")
                        .toList());
    }

    @Override
    public Class<NewDecision> knowledgeType() {
        return NewDecision.class;
    }

    @Override
    public Optional<String> extractionGuide() {
        return Optional.of("""
            Decisions the user or the assistant made that will shape later work: what was decided, why, and the \
            options that were weighed and not taken.""");
    }

    @Override
    public List<Learned> learn(Caller caller, List<NewDecision> knowledge) {
        return knowledge.stream().map(item -> decisions.log(caller, item))
                .map(logged -> new Learned(name(), logged.id, Learned.Outcome.CREATED)).toList();
    }

    @Override
    public StoreRecords<DecisionLine> records() {
        return records;
    }
}
