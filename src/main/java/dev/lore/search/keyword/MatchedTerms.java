package dev.lore.search.keyword;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads back the words a keyword index marked in an item's text (between the START and END characters). */
final class MatchedTerms {

    static final char START = '\u0002';
    static final char END = '\u0003';
    private static final Pattern MARKED = Pattern.compile(START + "([^" + END + "]*)" + END);

    private MatchedTerms() {
    }

    static List<String> in(String marked) {
        if (marked == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        Matcher m = MARKED.matcher(marked);
        while (m.find()) {
            String word = m.group(1).strip().toLowerCase(Locale.ROOT);
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return List.copyOf(words);
    }
}
