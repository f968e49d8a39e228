package dev.lore.search.embedding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The passages of an item's text that get vectors of their own, beside the vector of the whole text: its sentences,
 * each under the text's heading (its first line, when it has several), so that a passage still says whose or what it
 * is about. A long text's vector blurs the one sentence a question is about; a passage's vector does not. A text of
 * one sentence has no passages: its own vector is that sentence's.
 */
public final class Passages {

    /** At most this many passages per text: a longer text groups neighbouring sentences, so a save stays cheap. */
    static final int MAX = 12;
    private static final Pattern LINES = Pattern.compile("\\R+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    private Passages() {
    }

    public static List<String> of(String text) {
        String[] lines = LINES.split(text.strip());
        String heading = lines.length > 1 ? lines[0].strip() + "\n" : "";
        List<String> sentences = sentencesOf(Arrays.asList(lines).subList(heading.isEmpty() ? 0 : 1, lines.length));
        if (sentences.size() < 2) {
            return List.of();
        }
        int perPassage = (sentences.size() + MAX - 1) / MAX;
        List<String> passages = new ArrayList<>();
        for (int start = 0; start < sentences.size(); start += perPassage) {
            List<String> group = sentences.subList(start, Math.min(sentences.size(), start + perPassage));
            passages.add(heading + String.join(" ", group));
        }
        return passages;
    }

    /** The sentences of a text, a line break ending one too. */
    public static List<String> sentencesOf(String text) {
        return sentencesOf(Arrays.asList(LINES.split(text.strip())));
    }

    private static List<String> sentencesOf(List<String> lines) {
        List<String> sentences = new ArrayList<>();
        for (String line : lines) {
            for (String sentence : SENTENCE_END.split(line.strip())) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }
}
