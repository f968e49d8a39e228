package dev.lore.memory;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.search.SearchEngine;
import dev.lore.storage.Rows;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.store.StoreRecords;
import dev.lore.store.Tally;

/**
 * Memories and the audit of those forgotten, as an export writes them. A forgotten memory stays forgotten: an import
 * never brings it back, and the audit line of one forgets it where it is still kept.
 */
@ApplicationScoped
class MemoryRecords implements StoreRecords<MemoryLine> {

    private final MemoryRepository memories;
    private final MemoryAuditRepository audit;
    private final SearchEngine search;
    private final Rows rows;

    MemoryRecords(MemoryRepository memories, MemoryAuditRepository audit, SearchEngine search, Rows rows) {
        this.memories = memories;
        this.audit = audit;
        this.search = search;
        this.rows = rows;
    }

    @Override
    public Class<MemoryLine> type() {
        return MemoryLine.class;
    }

    @Override
    public List<Tally> tally(RecordFilter filter) {
        if (!filter.takesPersonal()) {
            return List.of();
        }
        return Stream.concat(
                rows.countBy(Memory.class, "userId", RecordFilter.OF_USERS, filter.userParameters()).entrySet()
                        .stream().map(count -> Tally.personal("memory", count.getKey(), count.getValue())),
                rows.countBy(MemoryAudit.class, "userId", RecordFilter.OF_USERS, filter.userParameters()).entrySet()
                        .stream().map(count -> Tally.personal("audit", count.getKey(), count.getValue())))
                .toList();
    }

    @Override
    public void export(RecordFilter filter, Consumer<MemoryLine> out) {
        if (filter.takesPersonal()) {
            rows.each(Memory.class, RecordFilter.OF_USERS, filter.userParameters(), Rows.BY_TIME,
                    memory -> List.of(memory.createdAt, memory.id), memory -> out.accept(MemoryLine.Kept.of(memory)));
            rows.each(MemoryAudit.class, RecordFilter.OF_USERS, filter.userParameters(), List.of("id"),
                    line -> List.of(line.id), line -> out.accept(MemoryLine.Audit.of(line)));
        }
    }

    @Override
    public Restored restore(MemoryLine line) {
        return line instanceof MemoryLine.Kept kept ? restore(kept) : restore((MemoryLine.Audit) line);
    }

    private Restored restore(MemoryLine.Kept line) {
        return search.write(MemoryService.scope(line.userId()), write -> {
            if (audit.forgotten(line.id())) {
                return Restored.LEFT_OUT;
            }
            Memory stored = memories.findById(line.id());
            if (stored != null && !line.updatedAt().isAfter(stored.updatedAt)) {
                return Restored.UNCHANGED;
            }
            Memory restored = line.into(stored == null ? new Memory() : stored);
            if (stored == null) {
                memories.persist(restored);
            }
            write.index(MemoryService.entryOf(restored));
            return stored == null ? Restored.ADDED : Restored.UPDATED;
        });
    }

    private Restored restore(MemoryLine.Audit line) {
        return search.write(MemoryService.scope(line.userId()), write -> {
            MemoryAudit restored = line.toAudit();
            if (audit.has(restored)) {
                return Restored.UNCHANGED;
            }
            audit.persist(restored);
            if (MemoryService.FORGOTTEN.equals(line.action())) {
                memories.ofUser(line.memoryId(), line.userId()).ifPresent(memory -> {
                    write.forget(MemoryService.STORE, memory.id);
                    memories.delete(memory);
                });
            }
            return Restored.ADDED;
        });
    }
}
