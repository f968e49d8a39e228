package dev.lore.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Short insights and questions that ask for them without sharing a content word (test resource). */
public final class InsightPairs {

    public record Pair(String insight, String question) {
    }

    private InsightPairs() {
    }

    public static List<Pair> load() throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                InsightPairs.class.getResourceAsStream("/retrieval/insight-question-pairs.tsv"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] columns = line.split("\t");
                    pairs.add(new Pair(columns[0], columns[1]));
                }
            }
        }
        return pairs;
    }
}
