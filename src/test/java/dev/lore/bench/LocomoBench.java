package dev.lore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.McpClient;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * Replays LoCoMo through the real MCP server (the packaged Lore over stdio, langchain4j's MCP client): every dialogue
 * turn is saved with save_learning in a namespace per conversation (tagged with its turn id and speaker, in a session
 * per LoCoMo session), every question asked with search_learnings. Reports recall@1/5/10 of the annotated evidence
 * turns and MRR, per category, with the bootstrap interval of the overall figures, and the save and search latencies
 * seen by the client. {@code -Dlocomo.results=FILE} writes each question's recall@10 and reciprocal rank;
 * {@code -Dlocomo.baseline=FILE}, such a file from another run, adds the change in recall@10 and MRR from that run,
 * question by question, with its paired interval: a change whose interval spans 0 is not one these questions can show.
 * {@code -Dlocomo.store=NAME} replays into an existing store (a file for the local flavor, a database for the team
 * flavor), say one the scale benchmark kept, to measure a conversation among many other items.
 */
public final class LocomoBench {

    private static final Pattern TURN_TAG = Pattern.compile("d\\d+:\\d+");
    static final Map<Integer, String> CATEGORIES = Map.of(1, "multi-hop", 2, "temporal", 3, "open-domain",
            4, "single-hop");

    public static void main(String[] args) throws Exception {
        Path data = Locomo.path();
        if (!Files.exists(data)) {
            System.out.println("LoCoMo benchmark skipped: no data at " + data.toAbsolutePath()
                    + " (set -Dlocomo.path=...; the data is CC BY-NC 4.0 and is not shipped with Lore)");
            return;
        }
        Locomo locomo = Locomo.load(data);
        Map<Integer, Score> byCategory = new TreeMap<>();
        Score all = new Score();
        Latencies saves = new Latencies();
        Latencies searches = new Latencies();
        int merged = 0;
        String existing = System.getProperty("locomo.store");
        try (TestStores.Store store = existing == null ? TestStores.fresh() : TestStores.existing(existing);
                McpClient client = LoreProcess.stdioClient(store, "locomo-bench")) {
            for (Locomo.Conversation conversation : locomo.conversations()) {
                String namespace = conversation.id().toLowerCase(Locale.ROOT);
                for (Locomo.Turn turn : conversation.turns()) {
                    long start = System.nanoTime();
                    JsonNode saved = call(client, "save_learning", Json.object(
                            "title", turn.speaker(),
                            "learning", turn.text(),
                            "context", turn.sessionDate(),
                            "tags", List.of(turn.id().toLowerCase(Locale.ROOT), turn.speaker().toLowerCase(Locale.ROOT)),
                            "namespace", namespace,
                            "session_id", conversation.id() + "-session-" + turn.session()));
                    saves.add(start);
                    if ("reinforced".equals(saved.path("status").asText())) {
                        merged++;
                    }
                }
                for (Locomo.Question question : conversation.questions()) {
                    long start = System.nanoTime();
                    JsonNode found = call(client, "search_learnings", Json.object(
                            "query", question.text(), "limit", 10, "namespace", namespace));
                    searches.add(start);
                    List<Set<String>> ranking = turnsIn(found);
                    all.add(ranking, question.evidence());
                    byCategory.computeIfAbsent(question.category(), c -> new Score()).add(ranking, question.evidence());
                }
            }
        }
        System.out.printf("LoCoMo retrieval through MCP (stdio), %s flavor: %d conversations, %d turns saved "
                + "(%d reinforced an earlier turn), %d questions%n", TestStores.FLAVOR, locomo.conversations().size(),
                saves.count(), merged, all.count());
        System.out.println("| category | questions | recall@1 | recall@5 | recall@10 | MRR |");
        System.out.println("|---|---|---|---|---|---|");
        byCategory.forEach((category, score) -> System.out.println(score.row(category + " " + CATEGORIES.get(category))));
        System.out.println(all.row("all"));
        all.printIntervals("all", "locomo");
        System.out.println("save_learning   " + saves.summary());
        System.out.println("search_learnings " + searches.summary());
    }

    static JsonNode call(McpClient client, String tool, String arguments) {
        return Json.parse(client.executeTool(ToolExecutionRequest.builder().id(tool).name(tool).arguments(arguments)
                .build()).resultText());
    }

    /** The turn ids of each result, best first (a turn that reinforced others carries their ids too). */
    static List<Set<String>> turnsIn(JsonNode found) {
        List<Set<String>> ranking = new ArrayList<>();
        for (JsonNode result : found.path("results")) {
            Set<String> turns = new LinkedHashSet<>();
            for (JsonNode tag : result.path("tags")) {
                if (TURN_TAG.matcher(tag.asText()).matches()) {
                    turns.add(Locomo.normalise(tag.asText().toUpperCase(Locale.ROOT)));
                }
            }
            ranking.add(turns);
        }
        return ranking;
    }

    /** Recall@k of the evidence turns and reciprocal rank of the first one, question by question. */
    static final class Score {

        private record Answer(double recall1, double recall5, double recall10, double reciprocalRank) {
        }

        private final List<Answer> answers = new ArrayList<>();

        void add(List<Set<String>> ranking, Set<String> evidence) {
            double reciprocalRank = 0;
            for (int i = 0; i < ranking.size(); i++) {
                if (ranking.get(i).stream().anyMatch(evidence::contains)) {
                    reciprocalRank = 1.0 / (i + 1);
                    break;
                }
            }
            answers.add(new Answer(recall(ranking, evidence, 1), recall(ranking, evidence, 5),
                    recall(ranking, evidence, 10), reciprocalRank));
        }

        double[] recalls10() {
            return answers.stream().mapToDouble(Answer::recall10).toArray();
        }

        double[] reciprocalRanks() {
            return answers.stream().mapToDouble(Answer::reciprocalRank).toArray();
        }

        /** One line per question, in the order asked: its recall@10 and reciprocal rank. */
        void write(Path file) throws IOException {
            Files.write(file, answers.stream().map(a -> a.recall10() + "\t" + a.reciprocalRank()).toList());
        }

        static List<double[]> read(Path file) throws IOException {
            return Files.readAllLines(file).stream()
                    .map(line -> Arrays.stream(line.split("\t")).mapToDouble(Double::parseDouble).toArray()).toList();
        }

        /**
         * Prints the intervals of recall@10 and MRR; {@code -D<prefix>.results=FILE} writes each question's recall@10
         * and reciprocal rank, {@code -D<prefix>.baseline=FILE} adds the change from such a file of another run.
         */
        void printIntervals(String label, String prefix) throws IOException {
            System.out.println(
                    label + ": recall@10 " + Interval.of(recalls10()) + ", MRR " + Interval.of(reciprocalRanks()));
            String results = System.getProperty(prefix + ".results");
            if (results != null) {
                write(Path.of(results));
            }
            String baseline = System.getProperty(prefix + ".baseline");
            if (baseline != null) {
                System.out.println(changeFrom(read(Path.of(baseline))));
            }
        }

        String changeFrom(List<double[]> baseline) {
            if (baseline.size() != answers.size()) {
                return "baseline skipped: it holds " + baseline.size() + " questions, this run " + answers.size();
            }
            double[] recall = new double[answers.size()];
            double[] reciprocal = new double[answers.size()];
            for (int i = 0; i < answers.size(); i++) {
                recall[i] = answers.get(i).recall10() - baseline.get(i)[0];
                reciprocal[i] = answers.get(i).reciprocalRank() - baseline.get(i)[1];
            }
            return String.format("change from the baseline: recall@10 %s, MRR %s; questions whose recall@10 rose: %d, "
                    + "fell: %d", Interval.of(recall), Interval.of(reciprocal),
                    Arrays.stream(recall).filter(d -> d > 0).count(), Arrays.stream(recall).filter(d -> d < 0).count());
        }

        int count() {
            return answers.size();
        }

        static double recall(List<Set<String>> ranking, Set<String> evidence, int k) {
            return ranking.subList(0, Math.min(k, ranking.size())).stream().flatMap(Set::stream).distinct()
                    .filter(evidence::contains).count() / (double) evidence.size();
        }

        String row(String label) {
            return String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f |", label, answers.size(),
                    mean(Answer::recall1), mean(Answer::recall5), mean(Answer::recall10), mean(Answer::reciprocalRank));
        }

        private double mean(ToDoubleFunction<Answer> score) {
            return answers.stream().mapToDouble(score).average().orElse(0);
        }
    }
}
