package dev.lore.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells when a newer fact about an entity contradicts an older one: both say the same thing about the same subject
 * except for one value ("The CEO is Jane Smith" / "The CEO is now Bob Jones", "costs $10 per month" / "costs $12 per
 * month"). Measured with the default embedding model, similarity alone cannot tell this from two compatible facts
 * ("The CEO is Jane Smith" / "The CTO is Bob Jones" scored close to real contradictions), so the test is on the
 * words: a shared frame (common beginning and end) holding a content word and covering most of the shorter fact,
 * and a changed middle on both sides.
 */
final class FactFrames {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}$%€£.]+");
    private static final Set<String> TIME_WORDS = Set.of("now", "currently", "again", "still", "today", "anymore",
            "no", "longer", "presently", "meanwhile");
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "the", "is", "are", "was", "were", "be",
            "has", "have", "had", "in", "on", "at", "of", "to", "for", "by", "with", "and", "or", "its", "it", "their");
    private static final double FRAME_SHARE = 0.6;

    private FactFrames() {
    }

    static boolean contradicts(String newer, String older) {
        List<String> a = words(newer);
        List<String> b = words(older);
        if (a.equals(b) || a.isEmpty() || b.isEmpty()) {
            return false;
        }
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        boolean bothChanged = a.size() - prefix - suffix > 0 && b.size() - prefix - suffix > 0;
        List<String> frame = new ArrayList<>(a.subList(0, prefix));
        frame.addAll(a.subList(a.size() - suffix, a.size()));
        boolean frameSaysSomething = frame.stream().anyMatch(w -> !FUNCTION_WORDS.contains(w));
        return bothChanged && frameSaysSomething && frame.size() >= FRAME_SHARE * Math.min(a.size(), b.size());
    }

    private static List<String> words(String fact) {
        List<String> words = new ArrayList<>();
        for (String word : NOT_WORD.split(fact.toLowerCase(Locale.ROOT))) {
            String trimmed = word.replaceAll("^[.]+|[.]+$", "");
            if (!trimmed.isEmpty() && !TIME_WORDS.contains(trimmed)) {
                words.add(trimmed);
            }
        }
        return words;
    }
}
