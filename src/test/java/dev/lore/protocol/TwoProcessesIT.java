package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.mcp.client.McpClient;
import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.Json;
import dev.lore.testing.LocalServerProcesses;
import dev.lore.testing.LoreProcess;

/**
 * Two Lore processes on one store write at once: every write must land, each process must find what the other wrote,
 * and a learning both save is kept once. Two MCP clients (say Claude Desktop and Cursor) configured alike share one
 * local server; configured differently (here, one names a setting the other leaves at its default), each gets its own,
 * and both servers write to the store the clients name.
 */
class TwoProcessesIT {

    static final int SAVES_PER_PROCESS = 100;
    static final int SAME_LEARNINGS = 30;
    /** A setting at its default value, set for one client only: enough for it to get a server of its own. */
    static final Map<String, String> OTHER_SETTINGS = Map.of("LORE_RECALL_MIN_SIMILARITY", "0.6");

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();

    @Test
    void concurrentWritesFromTwoProcessesAllLandAndAreVisibleToBoth() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try (McpClient desktop = LoreProcess.stdioClient(store.get(), "claude-desktop");
                McpClient cursor = LoreProcess.stdioClient(store.get(), OTHER_SETTINGS, "cursor")) {
            desktop.listTools();
            cursor.listTools();
            assertThat(LocalServerProcesses.running(store.get().localServers())).as("one server per client")
                    .hasSize(2);
            List<Future<Integer>> runs = List.of(
                    writers.submit(() -> saveMany(desktop, "desktop")),
                    writers.submit(() -> saveMany(cursor, "cursor")));
            for (Future<Integer> run : runs) {
                assertThat(run.get()).isEqualTo(SAVES_PER_PROCESS);
            }

            assertThat(titlesFound(desktop, "cursor", "shared-file")).hasSize(50)
                    .allMatch(title -> title.startsWith("cursor "));
            assertThat(titlesFound(cursor, "desktop", "shared-file")).hasSize(50)
                    .allMatch(title -> title.startsWith("desktop "));

            StdioProtocolIT.call(desktop, "save_learning", Json.object("title", "Timestamps", "learning",
                    "Use UTC for every timestamp stored in the database", "namespace", "shared-meaning"));
            assertThat(titlesFound(cursor, "Which timezone should persisted dates be in?", "shared-meaning"))
                    .as("found by meaning (no word in common) through the other process's vector index")
                    .containsExactly("Timestamps");
        } finally {
            writers.shutdown();
        }
        try (Connection db = store.get().connect();
                ResultSet rows = db.createStatement().executeQuery(
                        "SELECT count(*), count(DISTINCT title) FROM learning WHERE namespace = 'shared-file'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(2 * SAVES_PER_PROCESS);
            assertThat(rows.getInt(2)).isEqualTo(2 * SAVES_PER_PROCESS);
        }
    }

    @Test
    void theSameLearningsSavedByTwoProcessesAtOnceAreKeptOnceAndConfirmedByBoth() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        List<String> desktopReplies;
        List<String> cursorReplies;
        try (McpClient desktop = LoreProcess.stdioClient(store.get(), "claude-desktop");
                McpClient cursor = LoreProcess.stdioClient(store.get(), OTHER_SETTINGS, "cursor")) {
            desktop.listTools();
            cursor.listTools();
            CyclicBarrier together = new CyclicBarrier(2);
            Future<List<String>> fromDesktop = writers.submit(() -> saveTheSameLearnings(desktop, together));
            Future<List<String>> fromCursor = writers.submit(() -> saveTheSameLearnings(cursor, together));
            desktopReplies = fromDesktop.get();
            cursorReplies = fromCursor.get();
        } finally {
            writers.shutdown();
        }
        for (int i = 0; i < SAME_LEARNINGS; i++) {
            assertThat(List.of(desktopReplies.get(i), cursorReplies.get(i))).as("learning " + i)
                    .containsExactlyInAnyOrder("created", "reinforced");
        }
        try (Connection db = store.get().connect();
                ResultSet rows = db.createStatement().executeQuery(
                        "SELECT count(*), sum(confirmations) FROM learning WHERE namespace = 'same-learnings'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(SAME_LEARNINGS);
            assertThat(rows.getInt(2)).isEqualTo(2 * SAME_LEARNINGS);
        }
    }

    /**
     * Saves each learning at the same moment as the other client does; the status of each reply: created, or
     * reinforced when the other process saved it first.
     */
    static List<String> saveTheSameLearnings(McpClient client, CyclicBarrier together) throws Exception {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < SAME_LEARNINGS; i++) {
            together.await();
            statuses.add(StdioProtocolIT.structured(StdioProtocolIT.call(client, "save_learning", Json.object(
                    "title", "Rule " + i, "learning", "Release rule number " + i + " applies to every service",
                    "namespace", "same-learnings"))).path("status").asText());
        }
        return statuses;
    }

    static int saveMany(McpClient client, String who) {
        int saved = 0;
        for (int i = 0; i < SAVES_PER_PROCESS; i++) {
            JsonNode result = StdioProtocolIT.structured(StdioProtocolIT.call(client, "save_learning", Json.object(
                    "title", who + " " + i, "learning", who + " write number " + i, "namespace", "shared-file")));
            if ("created".equals(result.path("status").asText())) {
                saved++;
            }
        }
        return saved;
    }

    static List<String> titlesFound(McpClient client, String query, String namespace) {
        JsonNode results = StdioProtocolIT.structured(StdioProtocolIT.call(client, "search_learnings",
                Json.object("query", query, "namespace", namespace, "limit", 50))).path("results");
        List<String> titles = new ArrayList<>();
        results.forEach(r -> titles.add(r.path("title").asText()));
        return titles;
    }
}
