package dev.lore.runbooks;

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

/**
 * Runbooks as a learning store, written the way a team would add a store of its own: this bean implements the store
 * protocol, {@link RunbookTools} registers its tools through the MCP server's programmatic API, and its table comes
 * from a Flyway migration of its own ({@code db/stores/runbooks}). Nothing else in Lore names it.
 */
@ApplicationScoped
public class RunbookStore implements LearningStore<NewRunbook> {

    static final int RECALLED = 3;

    private final RunbookService runbooks;
    private final RunbookRecords records;

    RunbookStore(RunbookService runbooks, RunbookRecords records) {
        this.runbooks = runbooks;
        this.records = records;
    }

    @Override
    public String name() {
        return RunbookService.STORE;
    }

    @Override
    public RecallSlot recallSlot() {
        return new RecallSlot(550, 0.25);
    }

    @Override
    public RecallPart recall(RecallRequest request) {
        if (!request.hasQuery()) {
            return RecallPart.NONE;
        }
        return new RecallPart("## Runbooks for \"" + request.query() + "\"",
                runbooks.search(request.caller(), request.query(), RECALLED).stream()
                        .filter(found -> request.bearsOn(found.hit()))
                        .map(found -> "- " + found.record().task + " (" + found.record().record() + "): "
                                + found.record().steps.replace("\n", " ")).toList());
    }

    @Override
    public Class<NewRunbook> knowledgeType() {
        return NewRunbook.class;
    }

    @Override
    public Optional<String> extractionGuide() {
        return Optional.of("""
            Procedures the conversation carried out for a task (deploying, migrating, rotating a key, fixing a \
            recurring failure), with their steps in order and whether they worked, failed or partly worked.""");
    }

    @Override
    public List<Learned> learn(Caller caller, List<NewRunbook> knowledge) {
        return knowledge.stream().map(item -> runbooks.save(caller, item))
                .map(saved -> Learned.saved(name(), saved.record().id, saved.created())).toList();
    }

    @Override
    public StoreRecords<RunbookLine> records() {
        return records;
    }
}
