package dev.lore.store;

import java.util.List;

/**
 * A store's part of the recall context: a heading and its items, most important first; the recall takes whole items
 * while they fit.
 */
public record RecallPart(String heading, List<String> items) {

    public static final RecallPart NONE = new RecallPart("", List.of());

    public RecallPart {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
