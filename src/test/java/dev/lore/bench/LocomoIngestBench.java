package dev.lore.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.mcp.client.McpClient;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * Replays LoCoMo the way conversations reach Lore without anyone saving them: each session is a conversation handed to
 * {@code lore ingest} as a file of messages dated by the session's date (one LoCoMo conversation is one user's, its
 * two speakers the two sides, each message starting with its speaker's name as a two-person transcript would), with
 * no model configured; every question is asked with search_conversations, the search a user would use. Reports the
 * same evidence recall as {@link LocomoBench} (its save_learning replay is the figure to keep), how long
 * {@code lore ingest} takes to return (what a client hook waits for, the shared Lore already running), and how fast the
 * background worker learns.
 */
public final class LocomoIngestBench {

    private static final DateTimeFormatter SESSION_DATE = new DateTimeFormatterBuilder().parseCaseInsensitive()
            .appendPattern("h:mm a 'on' d MMMM, yyyy").toFormatter(Locale.ENGLISH);

    public static void main(String[] args) throws Exception {
        Path data = Locomo.path();
        if (!Files.exists(data)) {
            System.out.println("LoCoMo ingest benchmark skipped: no data at " + data.toAbsolutePath());
            return;
        }
        Locomo locomo = Locomo.load(data);
        Path folder = Files.createTempDirectory("locomo-ingest");
        Map<Integer, LocomoBench.Score> byCategory = new TreeMap<>();
        LocomoBench.Score all = new LocomoBench.Score();
        Latencies ingests = new Latencies();
        Latencies searches = new Latencies();
        int turns = 0;
        try (TestStores.Store store = TestStores.fresh();
                McpClient client = LoreProcess.stdioClient(store, "locomo-ingest-bench")) {
            Map<String, String> turnAt = new HashMap<>(); // "<user>/<conversation>/<position>" -> LoCoMo turn id
            long firstQueued = System.nanoTime();
            for (Locomo.Conversation conversation : locomo.conversations()) {
                String user = conversation.id().toLowerCase(Locale.ROOT);
                Map<Integer, List<Locomo.Turn>> sessions = new TreeMap<>();
                conversation.turns().forEach(turn -> sessions.computeIfAbsent(turn.session(), s -> new ArrayList<>())
                        .add(turn));
                String first = conversation.turns().get(0).speaker();
                for (Map.Entry<Integer, List<Locomo.Turn>> session : sessions.entrySet()) {
                    String sessionId = user + "-session-" + session.getKey();
                    List<Map<String, Object>> messages = new ArrayList<>();
                    List<Locomo.Turn> said = session.getValue();
                    LocalDateTime start = LocalDateTime.parse(said.get(0).sessionDate().strip(), SESSION_DATE);
                    for (int i = 0; i < said.size(); i++) {
                        Locomo.Turn turn = said.get(i);
                        Map<String, Object> message = new LinkedHashMap<>();
                        message.put("role", turn.speaker().equals(first) ? "user" : "assistant");
                        message.put("content", turn.speaker() + ": " + turn.text());
                        message.put("timestamp", start.plusSeconds(30L * i).toInstant(ZoneOffset.UTC).toString());
                        messages.add(message);
                        turnAt.put(user + "/" + sessionId + "/" + i, turn.id());
                    }
                    Path file = folder.resolve(sessionId + ".json");
                    Files.writeString(file, Json.MAPPER.writeValueAsString(messages));
                    long began = System.nanoTime();
                    LoreProcess.Ran ran = LoreProcess.run(store, Map.of(), "ingest", "--user", user, "--session",
                            sessionId, file.toString());
                    ingests.add(began);
                    if (ran.exitCode() != 0) {
                        throw new IllegalStateException("lore ingest failed: " + ran.stderr());
                    }
                    turns += said.size();
                }
            }
            awaitQueueDrained(store, folder);
            double seconds = (System.nanoTime() - firstQueued) / 1e9;
            for (Locomo.Conversation conversation : locomo.conversations()) {
                String user = conversation.id().toLowerCase(Locale.ROOT);
                for (Locomo.Question question : conversation.questions()) {
                    long start = System.nanoTime();
                    JsonNode found = LocomoBench.call(client, "search_conversations", Json.object(
                            "query", question.text(), "limit", 10, "user_id", user));
                    searches.add(start);
                    List<Set<String>> ranking = new ArrayList<>();
                    for (JsonNode turn : found.path("turns")) {
                        String id = turnAt.get(user + "/" + turn.path("conversation_id").asText() + "/"
                                + turn.path("position").asInt());
                        ranking.add(id == null ? Set.of() : new LinkedHashSet<>(List.of(id)));
                    }
                    all.add(ranking, question.evidence());
                    byCategory.computeIfAbsent(question.category(), c -> new LocomoBench.Score())
                            .add(ranking, question.evidence());
                }
            }
            System.out.printf("LoCoMo replayed through lore ingest (no model), %s flavor: %d conversations, %d "
                    + "sessions, %d turns, %d questions%n", TestStores.FLAVOR, locomo.conversations().size(),
                    ingests.count(), turns, all.count());
            System.out.println("| category | questions | recall@1 | recall@5 | recall@10 | MRR |");
            System.out.println("|---|---|---|---|---|---|");
            byCategory.forEach((category, score) -> System.out.println(score.row(category + " "
                    + LocomoBench.CATEGORIES.get(category))));
            System.out.println(all.row("all"));
            all.printIntervals("all", "locomo-ingest");
            System.out.println("lore ingest (returns)  " + ingests.summary());
            System.out.printf("background learning   %d turns in %.1f s from the first hand-over: %.1f turns/s%n",
                    turns, seconds, turns / seconds);
            System.out.println("search_conversations  " + searches.summary());
        }
    }

    /** Jobs are learned from in the order they were queued: one more, waited for, comes after all the others. */
    private static void awaitQueueDrained(TestStores.Store store, Path folder) throws Exception {
        Path last = folder.resolve("last.json");
        Files.writeString(last, "[{\"role\": \"user\", \"content\": \"That is all for today.\"}]");
        LoreProcess.Ran ran = LoreProcess.run(store, Map.of(), "ingest", "--wait", "--timeout",
                Long.toString(Duration.ofHours(1).toSeconds()), "--user", "locomo-ingest-bench", "--session", "last",
                last.toString());
        if (ran.exitCode() != 0) {
            throw new IllegalStateException("lore ingest --wait failed: " + ran.stderr());
        }
    }
}
