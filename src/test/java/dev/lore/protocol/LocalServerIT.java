package dev.lore.protocol;

import static dev.lore.protocol.StdioHygieneIT.INITIALIZE;
import static dev.lore.protocol.StdioHygieneIT.INITIALIZED;
import static dev.lore.protocol.StdioHygieneIT.readResponse;
import static dev.lore.protocol.StdioHygieneIT.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.lore.local.RuntimeFile;
import dev.lore.testing.Json;
import dev.lore.testing.LocalServerProcesses;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * The stdio front and the shared local server it talks to, as MCP clients run them: one server per user and
 * configuration, started when none runs, reached only with its token, started again when it dies, stopped when no
 * client has used it for a while.
 */
class LocalServerIT {

    static final String OTHER_CLIENT = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"other-client","version":"1.0"}}}""";

    @Test
    void clientsConfiguredAlikeShareOneServer() throws Exception {
        try (TestStores.Store store = TestStores.fresh();
                McpClient desktop = LoreProcess.stdioClient(store, "claude-desktop");
                McpClient cursor = LoreProcess.stdioClient(store, "cursor")) {
            StdioProtocolIT.call(desktop, "save_learning", Json.object("title", "Shared", "learning",
                    "One local Lore serves every client of the same user and settings", "namespace", "shared"));
            ToolExecutionResult found = StdioProtocolIT.call(cursor, "search_learnings", Json.object("query",
                    "how many local servers run for one user?", "namespace", "shared"));

            assertThat(found.resultText()).contains("One local Lore serves every client");
            assertThat(LocalServerProcesses.running(store.localServers())).hasSize(1);
            String author = StdioProtocolIT.structured(found).path("results").get(0).path("author").asText();
            assertThat(author).isEqualTo(System.getProperty("user.name"));
        }
    }

    @Test
    void aCallAfterTheServerDiedGoesToANewOneAndNothingSavedIsLost() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); LoreProcess lore = LoreProcess.stdio(store, Map.of())) {
            BufferedReader out = lore.stdout();
            send(lore, INITIALIZE, INITIALIZED, save(2, "Before", "Saved before the server was killed"));
            assertThat(readResponse(out, 2).path("result").path("isError").asBoolean()).isFalse();
            RuntimeFile first = onlyServer(store);
            kill(first);

            send(lore, save(3, "After", "Saved after the server was started again"));
            JsonNode answer = readResponse(out, 3);

            assertThat(answer.has("result") && !answer.path("result").path("isError").asBoolean())
                    .as("answered with %s; stderr: %s", answer, lore.log()).isTrue();
            assertThat(onlyServer(store).pid()).isNotEqualTo(first.pid());
            send(lore, """
                    {"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"search_learnings",\
                    "arguments":{"query":"saved server","namespace":"restart"}}}""");
            assertThat(readResponse(out, 4).path("result").path("structuredContent").path("count").asInt())
                    .isEqualTo(2);
        }
    }

    @Test
    void aHandshakeIsAnsweredWithoutWaitingForTheServerWhichThenTakesTheSession() throws Exception {
        try (TestStores.Store store = TestStores.fresh()) {
            JsonNode first;
            try (LoreProcess lore = LoreProcess.stdio(store, Map.of())) {
                send(lore, INITIALIZE);
                first = readResponse(lore.stdout(), 1);
                kill(onlyServer(store));
            }

            try (LoreProcess lore = LoreProcess.stdio(store, Map.of())) {
                send(lore, INITIALIZE);
                assertThat(readResponse(lore.stdout(), 1).path("result")).isEqualTo(first.path("result"));
                send(lore, INITIALIZED, save(2, "Early", "A handshake is answered while the shared Lore starts"));
                JsonNode saved = readResponse(lore.stdout(), 2);
                assertThat(saved.path("result").path("isError").asBoolean()).as("answer: %s; stderr: %s", saved,
                        lore.log()).isFalse();
                kill(onlyServer(store));
            }

            if (TestStores.isLocal()) { // a store no server can open: only the front can have answered the handshake
                Path db = Path.of(store.config().get("lore.db.path"));
                Files.deleteIfExists(Path.of(db + "-wal"));
                Files.deleteIfExists(Path.of(db + "-shm"));
                Files.writeString(db, "this is not a database, and no Lore can open it");
                try (LoreProcess lore = LoreProcess.stdio(store, Map.of())) {
                    send(lore, INITIALIZE);
                    assertThat(readResponse(lore.stdout(), 1).path("result")).isEqualTo(first.path("result"));
                    send(lore, INITIALIZED);
                    assertThat(lore.process().waitFor(120, TimeUnit.SECONDS)).as("exited").isTrue();
                    assertThat(lore.process().exitValue()).isNotZero();
                    assertThat(lore.log()).contains("lore: could not start:");
                }
            }
        }
    }

    @Test
    void anIdleServerStopsAndRemovesItsRuntimeFile() throws Exception {
        try (TestStores.Store store = TestStores.fresh()) {
            RuntimeFile server;
            try (LoreProcess lore = LoreProcess.stdio(store, Map.of("LORE_LOCAL_IDLE_TIMEOUT", "1s"))) {
                send(lore, INITIALIZE, INITIALIZED, save(2, "Idle", "A server with no client stops"));
                readResponse(lore.stdout(), 2);
                server = onlyServer(store);
                Thread.sleep(2_000);
                assertThat(ProcessHandle.of(server.pid())).as("still serving a connected client").isPresent();
                lore.stdin().close();
                assertThat(lore.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
            ProcessHandle.of(server.pid()).ifPresent(process -> process.onExit().orTimeout(30, TimeUnit.SECONDS).join());
            assertThat(ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(LocalServerProcesses.running(store.localServers())).isEmpty();
        }
    }

    @Test
    void theServerAnswersOnlyItsTokenAndItsFilesAreTheUsersAlone() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); LoreProcess lore = LoreProcess.stdio(store, Map.of())) {
            send(lore, INITIALIZE);
            readResponse(lore.stdout(), 1);
            RuntimeFile server = onlyServer(store);

            assertThat(post(server.port(), null)).isEqualTo(401);
            assertThat(post(server.port(), "Bearer " + server.token() + "x")).isEqualTo(401);
            assertThat(post(server.port(), "Bearer " + server.token())).isEqualTo(200);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.localServers())))
                    .isEqualTo("rwx------");
            try (var files = Files.list(store.localServers())) {
                Path runtime = files.filter(f -> f.toString().endsWith(".properties")).findFirst().orElseThrow();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime))).isEqualTo("rw-------");
            }
        }
    }

    /**
     * The runtime file names a process that is alive and a port where a Lore listens that does not take this user's
     * token (another user's, started after this user's server died on that port): the front says so, starts its own,
     * and serves.
     */
    @Test
    void aPortHeldByAnotherUsersLoreIsLeftToItAndANewServerStarts() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); LoreProcess other = LoreProcess.stdio(store,
                TwoProcessesIT.OTHER_SETTINGS)) {
            send(other, OTHER_CLIENT);
            readResponse(other.stdout(), 1);
            RuntimeFile foreign = onlyServer(store);
            Path ours;
            try (LoreProcess lore = LoreProcess.stdio(store, Map.of())) {
                send(lore, INITIALIZE);
                readResponse(lore.stdout(), 1);
                ours = runtimeFileOtherThan(store, foreign);
                RuntimeFile mine = RuntimeFile.read(ours).orElseThrow();
                kill(mine);
            }
            new RuntimeFile(foreign.pid(), foreign.port(), "stale-token-of-this-user", "0").write(ours);

            try (LoreProcess lore = LoreProcess.stdio(store, Map.of())) {
                send(lore, INITIALIZE, INITIALIZED, save(2, "Foreign", "Saved past a port another Lore holds"));
                JsonNode answer = readResponse(lore.stdout(), 2);

                assertThat(answer.has("result") && !answer.path("result").path("isError").asBoolean())
                        .as("answered with %s", answer).isTrue();
                assertThat(lore.log()).contains("is not this user's Lore");
                assertThat(RuntimeFile.read(ours).orElseThrow().pid()).isNotEqualTo(foreign.pid());
                assertThat(ProcessHandle.of(foreign.pid())).as("the other Lore keeps serving").isPresent();
            }
        }
    }

    /** Kills the server as a crash would: no time to remove its runtime file. */
    static void kill(RuntimeFile server) {
        ProcessHandle process = ProcessHandle.of(server.pid()).orElseThrow();
        process.destroyForcibly();
        process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    }

    static String save(int id, String title, String learning) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"save_learning\","
                + "\"arguments\":" + Json.object("title", title, "learning", learning, "namespace", "restart") + "}}";
    }

    static RuntimeFile onlyServer(TestStores.Store store) {
        List<RuntimeFile> servers = LocalServerProcesses.running(store.localServers());
        assertThat(servers).hasSize(1);
        return servers.get(0);
    }

    static Path runtimeFileOtherThan(TestStores.Store store, RuntimeFile other) throws IOException {
        try (var files = Files.list(store.localServers())) {
            return files.filter(f -> f.toString().endsWith(".properties"))
                    .filter(f -> !RuntimeFile.read(f).orElseThrow().equals(other)).findFirst().orElseThrow();
        }
    }

    /** The status of an initialize posted to the server with this Authorization header (none when null). */
    static int post(int port, String authorization) throws IOException {
        HttpURLConnection exchange = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/mcp").openConnection();
        exchange.setRequestMethod("POST");
        exchange.setDoOutput(true);
        exchange.setConnectTimeout((int) Duration.ofSeconds(5).toMillis());
        exchange.setRequestProperty("Content-Type", "application/json");
        exchange.setRequestProperty("Accept", "application/json, text/event-stream");
        if (authorization != null) {
            exchange.setRequestProperty("Authorization", authorization);
        }
        try (OutputStream body = exchange.getOutputStream()) {
            body.write(INITIALIZE.getBytes(StandardCharsets.UTF_8));
        }
        return exchange.getResponseCode();
    }
}
