package dev.lore.memory;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;
import dev.lore.search.Saved;

/**
 * What save_memory and forget_memory answer: the id, what happened ({@code created}, {@code reinforced} or
 * {@code forgotten}) and the memory.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SavedMemory(String id, String status, String message, MemoryView memory) implements Answer {

    static SavedMemory of(Saved<Memory> saved) {
        Memory stored = saved.record();
        String message = saved.created()
                ? "Remembered for " + stored.userId + " (memory " + stored.id + ")."
                : "Already remembered: reinforced memory " + stored.id + " of " + stored.userId + " (confirmed "
                        + stored.confirmations + " times).";
        return new SavedMemory(stored.id, saved.created() ? "created" : "reinforced", message, MemoryView.of(stored));
    }

    static SavedMemory forgotten(Memory memory) {
        return new SavedMemory(memory.id, "forgotten", "Forgot memory " + memory.id + " of " + memory.userId + ".",
                MemoryView.of(memory));
    }

    @Override
    public String toText() {
        return message;
    }
}
