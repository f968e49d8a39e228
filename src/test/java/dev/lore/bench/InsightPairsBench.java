package dev.lore.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.mcp.client.McpClient;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * Short learnings found by questions worded differently, through the real MCP server: the 50 insight/question pairs
 * (no content word shared within a pair) saved with save_learning, each question asked with search_learnings.
 * Reports recall@1/5/10 and MRR of the engine as configured, with the keyword coverage off, and with semantic
 * similarity alone (keyword weight 0), so that a ranking change is measured on paraphrases as well as on LoCoMo,
 * where questions mostly share words with their answers. The engine's recall@10 and MRR come with their 95% intervals;
 * {@code -Dpairs.results=FILE} and {@code -Dpairs.baseline=FILE} write and compare each question's result, as the
 * LoCoMo benchmark's {@code locomo.} properties do.
 */
public final class InsightPairsBench {

    private static final int HEADLINE_WORDS = 6;
    private static final String ENGINE = "engine (defaults)";

    public static void main(String[] args) throws Exception {
        List<InsightPairs.Pair> pairs = InsightPairs.load();
        Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
        configurations.put(ENGINE, Map.of());
        configurations.put("keyword coverage off", Map.of("LORE_SEARCH_KEYWORD_COVERAGE", "0"));
        configurations.put("semantic only", Map.of("LORE_SEARCH_KEYWORD_WEIGHT", "0"));
        System.out.printf("Insight/question pairs through MCP (stdio), %s flavor: %d learnings, %d questions%n",
                TestStores.FLAVOR, pairs.size(), pairs.size());
        System.out.println("| configuration | questions | recall@1 | recall@5 | recall@10 | MRR |");
        System.out.println("|---|---|---|---|---|---|");
        Map<String, LocomoBench.Score> scores = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> configuration : configurations.entrySet()) {
            LocomoBench.Score score = score(pairs, configuration.getValue());
            scores.put(configuration.getKey(), score);
            System.out.println(score.row(configuration.getKey()));
        }
        scores.get(ENGINE).printIntervals(ENGINE, "pairs");
    }

    private static LocomoBench.Score score(List<InsightPairs.Pair> pairs, Map<String, String> environment)
            throws Exception {
        LocomoBench.Score score = new LocomoBench.Score();
        try (TestStores.Store store = TestStores.fresh();
                McpClient client = LoreProcess.stdioClient(store, environment, "insight-pairs-bench")) {
            List<String> ids = new ArrayList<>();
            for (InsightPairs.Pair pair : pairs) {
                ids.add(LocomoBench.call(client, "save_learning", Json.object("title", headline(pair.insight()),
                        "learning", pair.insight())).path("learning").path("id").asText());
            }
            for (int i = 0; i < pairs.size(); i++) {
                JsonNode found = LocomoBench.call(client, "search_learnings",
                        Json.object("query", pairs.get(i).question(), "limit", 10));
                List<Set<String>> ranking = new ArrayList<>();
                found.path("results").forEach(result -> ranking.add(Set.of(result.path("id").asText())));
                score.add(ranking, Set.of(ids.get(i)));
            }
        }
        return score;
    }

    /** The headline an agent might give a short insight: its first words. */
    private static String headline(String insight) {
        String[] words = insight.split(" ");
        return String.join(" ", Arrays.copyOf(words, Math.min(HEADLINE_WORDS, words.length)));
    }
}
