package dev.lore.search.keyword;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keywords of a natural-language query: its words, lower-cased, without stop words. Agents ask questions
 * ("what did we decide about egress?"); matching every word, or the whole phrase, would find nothing.
 */
public record QueryTerms(List<String> words) {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final int MAX_TERMS = 32;

    /** English function words, question words and auxiliaries: they say nothing about what is being looked for. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "about", "above", "after", "again", "against", "ain", "all", "also", "am", "an", "and", "any", "are",
            "aren", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
            "can", "could", "couldn", "d", "did", "didn", "do", "does", "doesn", "doing", "don", "down", "during",
            "each", "few", "for", "from", "further", "had", "hadn", "has", "hasn", "have", "haven", "having", "he",
            "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "isn",
            "it", "its", "itself", "just", "ll", "m", "ma", "may", "me", "might", "mightn", "more", "most", "must",
            "mustn", "my", "myself", "needn", "no", "nor", "not", "now", "o", "of", "off", "on", "once", "only", "or",
            "other", "our", "ours", "ourselves", "out", "over", "own", "re", "s", "same", "shall", "shan", "she",
            "should", "shouldn", "so", "some", "such", "t", "than", "that", "the", "their", "theirs", "them",
            "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until",
            "up", "us", "ve", "very", "was", "wasn", "we", "were", "weren", "what", "when", "where", "which", "while",
            "who", "whom", "why", "will", "with", "won", "would", "wouldn", "y", "you", "your", "yours", "yourself",
            "yourselves");

    public static QueryTerms of(String query) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : words(query)) {
            if (!STOP_WORDS.contains(word) && (word.length() > 1 || Character.isDigit(word.charAt(0)))) {
                words.add(word);
                if (words.size() == MAX_TERMS) {
                    break;
                }
            }
        }
        return new QueryTerms(List.copyOf(words));
    }

    /** Every word of a text, lower-cased, in order. */
    public static List<String> words(String text) {
        return NON_WORD.splitAsStream(text.toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).toList();
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** An FTS5 query matching any of the words; each is quoted, so no word is read as FTS5 syntax. */
    public String asFts5AnyOf() {
        return String.join(" OR ", words.stream().map(QueryTerms::fts5Phrase).toList());
    }

    /** A word as an FTS5 phrase of its own, quoted. */
    static String fts5Phrase(String word) {
        return '"' + word.replace("\"", "\"\"") + '"';
    }
}
