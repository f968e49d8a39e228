package dev.lore.transfer;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.lore.store.Restored;

/** What an import did, store by store: how many records it added, updated, found unchanged, or left out. */
public record ImportReport(Map<String, Map<Restored, Long>> byStore) {

    static ImportReport empty() {
        return new ImportReport(new LinkedHashMap<>());
    }

    void count(String store, Restored outcome) {
        byStore.computeIfAbsent(store, name -> new EnumMap<>(Restored.class)).merge(outcome, 1L, Long::sum);
    }

    public long total(Restored outcome) {
        return byStore.values().stream().mapToLong(counts -> counts.getOrDefault(outcome, 0L)).sum();
    }

    public long records() {
        return byStore.values().stream().flatMap(counts -> counts.values().stream()).mapToLong(Long::longValue).sum();
    }
}
