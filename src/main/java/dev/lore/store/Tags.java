package dev.lore.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tags are case-insensitive labels; they are kept stripped, in lower case, without repeats, in the given order. */
public final class Tags {

    private Tags() {
    }

    public static List<String> normalize(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag != null && !tag.isBlank()) {
                normalized.add(tag.strip().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(normalized);
    }

    /** Tags merged: the first list's, then those of the second that are new. */
    public static List<String> merge(List<String> first, List<String> second) {
        Set<String> merged = new LinkedHashSet<>(normalize(first));
        merged.addAll(normalize(second));
        return List.copyOf(merged);
    }
}
