package dev.lore.decisions;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.search.SearchEngine;
import dev.lore.storage.Rows;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.store.StoreRecords;
import dev.lore.store.Tally;

/**
 * Decisions as an export writes them. A decision does not change once logged, but its outcome comes later: on import
 * the outcome recorded last wins.
 */
@ApplicationScoped
class DecisionRecords implements StoreRecords<DecisionLine> {

    private final DecisionRepository decisions;
    private final SearchEngine search;
    private final Rows rows;

    DecisionRecords(DecisionRepository decisions, SearchEngine search, Rows rows) {
        this.decisions = decisions;
        this.search = search;
        this.rows = rows;
    }

    @Override
    public Class<DecisionLine> type() {
        return DecisionLine.class;
    }

    @Override
    public List<Tally> tally(RecordFilter filter) {
        if (!filter.takesShared()) {
            return List.of();
        }
        return rows.countBy(Decision.class, "namespace", RecordFilter.IN_NAMESPACES, filter.namespaceParameters())
                .entrySet().stream().map(count -> Tally.shared("decision", count.getKey(), count.getValue())).toList();
    }

    @Override
    public void export(RecordFilter filter, Consumer<DecisionLine> out) {
        if (filter.takesShared()) {
            rows.each(Decision.class, RecordFilter.IN_NAMESPACES, filter.namespaceParameters(), Rows.BY_TIME,
                    decision -> List.of(decision.createdAt, decision.id),
                    decision -> out.accept(DecisionLine.of(decision)));
        }
    }

    @Override
    public Restored restore(DecisionLine line) {
        return search.write(DecisionService.scope(line.namespace(), line.agentId(), List.of()), write -> {
            Decision stored = decisions.findById(line.id());
            if (stored == null) {
                Decision restored = line.toDecision();
                decisions.persist(restored);
                write.index(DecisionService.entryOf(restored));
                return Restored.ADDED;
            }
            if (line.outcomeAt() == null || stored.outcomeAt != null && !line.outcomeAt().isAfter(stored.outcomeAt)) {
                return Restored.UNCHANGED;
            }
            line.withOutcomeInto(stored);
            return Restored.UPDATED;
        });
    }
}
