package dev.lore.runbooks;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.search.SearchEngine;
import dev.lore.storage.Rows;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.store.StoreRecords;
import dev.lore.store.Tally;

/** Runbooks as an export writes them; the newer state of a runbook (its last run) wins on import. */
@ApplicationScoped
class RunbookRecords implements StoreRecords<RunbookLine> {

    private final RunbookRepository runbooks;
    private final SearchEngine search;
    private final Rows rows;

    RunbookRecords(RunbookRepository runbooks, SearchEngine search, Rows rows) {
        this.runbooks = runbooks;
        this.search = search;
        this.rows = rows;
    }

    @Override
    public Class<RunbookLine> type() {
        return RunbookLine.class;
    }

    @Override
    public List<Tally> tally(RecordFilter filter) {
        if (!filter.takesShared()) {
            return List.of();
        }
        return rows.countBy(Runbook.class, "namespace", RecordFilter.IN_NAMESPACES, filter.namespaceParameters())
                .entrySet().stream().map(count -> Tally.shared("runbook", count.getKey(), count.getValue())).toList();
    }

    @Override
    public void export(RecordFilter filter, Consumer<RunbookLine> out) {
        if (filter.takesShared()) {
            rows.each(Runbook.class, RecordFilter.IN_NAMESPACES, filter.namespaceParameters(), Rows.BY_TIME,
                    runbook -> List.of(runbook.createdAt, runbook.id), runbook -> out.accept(RunbookLine.of(runbook)));
        }
    }

    @Override
    public Restored restore(RunbookLine line) {
        return search.write(RunbookService.scope(line.namespace()), write -> {
            Runbook stored = runbooks.findById(line.id());
            if (stored != null && !line.updatedAt().isAfter(stored.updatedAt)) {
                return Restored.UNCHANGED;
            }
            Runbook restored = line.into(stored == null ? new Runbook() : stored);
            if (stored == null) {
                runbooks.persist(restored);
            }
            write.index(RunbookService.entryOf(restored));
            return stored == null ? Restored.ADDED : Restored.UPDATED;
        });
    }
}
