package dev.lore.memory;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What save_memory and forget_memory answer: the id, what happened ({@code created}, {@code reinforced} or
 * {@code forgotten}) and the memory. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SavedMemory(String id, String status, String message, MemoryView memory) {
}
