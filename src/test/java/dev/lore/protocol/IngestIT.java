package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.mcp.client.McpClient;
import dev.lore.testing.Json;
import dev.lore.testing.LocalServerProcesses;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * {@code lore ingest} as a client hook runs it: Claude Code's Stop hook hands it the transcript's path on stdin, it
 * returns at once, and a moment later the conversation is found by meaning through the same user's MCP server, with
 * no model configured. Reading it again learns nothing new; secrets never reach the store.
 */
class IngestIT {

    static final String SESSION = "5c1f7a2e-93b4-4d0a-8e61-2f0c9d7b4a11";

    static Path transcript(Path folder) throws IOException {
        try (InputStream in = IngestIT.class.getResourceAsStream("/capture/claude-code-transcript.jsonl")) {
            Path file = folder.resolve(SESSION + ".jsonl");
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    static String stopHook(Path transcript) {
        return Json.object("session_id", SESSION, "transcript_path", transcript.toString(), "cwd", "/home/alice/shop",
                "hook_event_name", "Stop", "stop_hook_active", false);
    }

    @Test
    void aStopHookMakesTheConversationFindableAMomentLater() throws Exception {
        Path folder = Files.createTempDirectory("lore-ingest");
        try (TestStores.Store store = TestStores.fresh()) {
            Path transcript = transcript(folder);

            LoreProcess.Ran cold = LoreProcess.runWithInput(store, Map.of(), stopHook(transcript), "ingest", "--hook");

            assertThat(cold.exitCode()).as("exit code, stderr: %s", cold.stderr()).isZero();
            assertThat(cold.stdout()).as("a hook's stdout stays empty").isEmpty();
            try (McpClient client = LoreProcess.stdioClient(store, "claude-code")) {
                JsonNode found = awaitFound(client, "why did checkout requests hang under load?", 1);
                assertThat(found.path("turns").get(0).path("text").asText()).contains("connection");
                assertThat(found.path("turns").get(0).path("conversation_id").asText()).isEqualTo(SESSION);
                assertThat(found.toString()).as("tool calls and their results are not conversation")
                        .doesNotContain("maximum-pool-size: 10");
                JsonNode deploy = StdioProtocolIT.structured(StdioProtocolIT.call(client, "search_conversations",
                        Json.object("query", "staging deploy key", "limit", 50)));
                assertThat(deploy.toString()).contains("[redacted: Anthropic key]").doesNotContain("sk-ant");
                assertThat(deploy.path("count").asInt()).as("five turns of the user and the assistant").isEqualTo(5);

                Files.writeString(transcript, Files.readString(transcript)
                        + Json.object("type", "user", "uuid", "u-0006", "sessionId", SESSION, "timestamp",
                                "2026-12-01T09:20:00.000Z", "message", Map.of("role", "user", "content",
                                        "Thanks, the checkout latency is back to 80 ms.")) + "\n");
                LoreProcess.Ran warm = LoreProcess.runWithInput(store, Map.of(), stopHook(transcript), "ingest",
                        "--hook");
                assertThat(warm.exitCode()).as("exit code, stderr: %s", warm.stderr()).isZero();
                JsonNode latency = awaitFound(client, "how fast is checkout now?", 6);
                assertThat(latency.path("count").asInt()).as("only the new message was added").isEqualTo(6);
            }
            assertThat(LocalServerProcesses.running(store.localServers()))
                    .as("the hooks and the client share one Lore").hasSize(1);

            LoreProcess.Ran same = LoreProcess.run(store, Map.of(), "ingest", "--wait", transcript.toString());
            assertThat(same.exitCode()).as("exit code, stderr: %s", same.stderr()).isZero();
            assertThat(same.stdout()).contains("was learned from: nothing new");
        }
    }

    @Test
    void aTranscriptGoesToARemoteLoreThroughItsTool() throws Exception {
        Path folder = Files.createTempDirectory("lore-ingest");
        try (TestStores.Store store = TestStores.fresh()) {
            LoreProcess.Ran made = LoreProcess.run(store, Map.of(), "token", "create", "--user", "alice",
                    "--namespaces", "default");
            assertThat(made.exitCode()).as("exit code, stderr: %s", made.stderr()).isZero();
            LoreProcess.Ran sent;
            try (LoreProcess remote = LoreProcess.httpWithTokens(store)) {
                HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(remote.baseUrl() + "/mcp")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(anonymous.statusCode()).as("without a token").isEqualTo(401);
                assertThat(anonymous.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"lore\"");
                sent = LoreProcess.run(store, Map.of(), "ingest", "--server", remote.baseUrl() + "/mcp", "--token",
                        made.stdout().strip(), "--user", "alice", "--wait", transcript(folder).toString());
            }

            assertThat(sent.exitCode()).as("exit code, stderr: %s", sent.stderr()).isZero();
            assertThat(sent.stdout()).contains("Conversation " + SESSION + " (5 turns, job ",
                    "was learned from: 5 new in conversations.");
            try (McpClient client = LoreProcess.stdioClient(store, Map.of("LORE_USER", "alice"), "claude-code")) {
                assertThat(awaitFound(client, "why did checkout requests hang under load?", 1).path("turns").get(0)
                        .path("conversation_id").asText()).isEqualTo(SESSION);
            }
        }
    }

    @Test
    void aHookThatCannotBeServedSaysWhyAndNeverBlocksTheClient() throws Exception {
        try (TestStores.Store store = TestStores.fresh()) {
            LoreProcess.Ran noTranscript = LoreProcess.runWithInput(store, Map.of(),
                    Json.object("session_id", "s", "hook_event_name", "Stop"), "ingest", "--hook");
            assertThat(noTranscript.exitCode()).as("1, never 2 (which would block Claude Code's turn)").isEqualTo(1);
            assertThat(noTranscript.stderr()).contains("transcript_path");

            LoreProcess.Ran missing = LoreProcess.runWithInput(store, Map.of(),
                    stopHook(Path.of("/nonexistent/transcript.jsonl")), "ingest", "--hook");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.stderr()).contains("/nonexistent/transcript.jsonl");

            LoreProcess.Ran plain = LoreProcess.runWithInput(store, Map.of(),
                    "[{\"role\": \"user\", \"content\": \"hello\"}]", "ingest");
            assertThat(plain.exitCode()).as("a usage error outside a hook").isEqualTo(2);
            assertThat(plain.stderr()).contains("--session");
        }
    }

    /** The search's answer once it finds at least {@code turns} turns (the worker learns in the background). */
    static JsonNode awaitFound(McpClient client, String query, int turns) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode found;
        do {
            found = StdioProtocolIT.structured(StdioProtocolIT.call(client, "search_conversations",
                    Json.object("query", query, "limit", 50)));
            if (found.path("count").asInt() >= turns) {
                return found;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < deadline);
        return found;
    }
}
