package dev.lore.knowledge;

import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.search.SearchEngine;
import dev.lore.storage.Rows;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.store.StoreRecords;
import dev.lore.store.Tally;

/** Learnings as an export writes them; the newer state of a learning (its last update) wins on import. */
@ApplicationScoped
class KnowledgeRecords implements StoreRecords<LearningLine> {

    private final LearningRepository learnings;
    private final SearchEngine search;
    private final Rows rows;

    KnowledgeRecords(LearningRepository learnings, SearchEngine search, Rows rows) {
        this.learnings = learnings;
        this.search = search;
        this.rows = rows;
    }

    @Override
    public Class<LearningLine> type() {
        return LearningLine.class;
    }

    @Override
    public List<Tally> tally(RecordFilter filter) {
        if (!filter.takesShared()) {
            return List.of();
        }
        return rows.countBy(Learning.class, "namespace", RecordFilter.IN_NAMESPACES, filter.namespaceParameters())
                .entrySet().stream().map(count -> Tally.shared("learning", count.getKey(), count.getValue())).toList();
    }

    @Override
    public void export(RecordFilter filter, Consumer<LearningLine> out) {
        if (filter.takesShared()) {
            rows.each(Learning.class, RecordFilter.IN_NAMESPACES, filter.namespaceParameters(), Rows.BY_TIME,
                    learning -> List.of(learning.createdAt, learning.id),
                    learning -> out.accept(LearningLine.of(learning)));
        }
    }

    @Override
    public Restored restore(LearningLine line) {
        return search.write(LearningService.scope(line.namespace(), List.of()), write -> {
            Learning stored = learnings.findById(line.id());
            if (stored != null && !line.updatedAt().isAfter(stored.updatedAt)) {
                return Restored.UNCHANGED;
            }
            Learning restored = line.into(stored == null ? new Learning() : stored);
            if (stored == null) {
                learnings.persist(restored);
            }
            write.index(LearningService.entryOf(restored));
            return stored == null ? Restored.ADDED : Restored.UPDATED;
        });
    }
}
