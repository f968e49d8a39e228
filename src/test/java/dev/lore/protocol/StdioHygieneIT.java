package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.Json;
import dev.lore.testing.LocalServerProcesses;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * What an MCP client expects of a stdio server, checked on the raw bytes of the packaged server's stdout: only
 * JSON-RPC there, a parse error (and no hang) for a malformed line, and a clean exit soon after stdin closes.
 */
class StdioHygieneIT {

    static final String INITIALIZE = """
            {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",\
            "capabilities":{},"clientInfo":{"name":"raw-client","version":"1.0"}}}""";
    static final String INITIALIZED = """
            {"jsonrpc":"2.0","method":"notifications/initialized"}""";

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();

    @Test
    void stdoutCarriesNothingButJsonRpcEvenWithDebugLogging() throws Exception {
        try (LoreProcess lore = LoreProcess.stdio(store.get(), Map.of("QUARKUS_LOG_LEVEL", "DEBUG"))) {
            send(lore, INITIALIZE, INITIALIZED,
                    """
                    {"jsonrpc":"2.0","id":2,"method":"tools/list"}""",
                    """
                    {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search_learnings",\
                    "arguments":{"query":"anything at all"}}}""");
            lore.stdin().close();
            List<String> lines = readToEnd(lore.stdout());

            assertThat(lines).isNotEmpty().allSatisfy(line -> {
                JsonNode message = Json.parse(line);
                assertThat(message.path("jsonrpc").asText()).isEqualTo("2.0");
            });
            assertThat(lines).extracting(line -> Json.parse(line).path("id").asInt()).contains(1, 2, 3);
        }
    }

    @Test
    void aMalformedLineGetsAParseErrorAndTheServerKeepsServing() throws Exception {
        try (LoreProcess lore = LoreProcess.stdio(store.get(), Map.of())) {
            BufferedReader out = lore.stdout();
            send(lore, INITIALIZE, INITIALIZED);
            assertThat(readResponse(out, 1).has("result")).isTrue();

            send(lore, "this is {not json", """
                    {"jsonrpc":"2.0","id":2,"method":"ping"}""");
            JsonNode parseError = Json.parse(out.readLine());
            assertThat(parseError.path("error").path("code").asInt()).isEqualTo(-32700);
            assertThat(parseError.path("id").isNull()).isTrue();
            assertThat(readResponse(out, 2).has("result")).isTrue();

            send(lore, """
                    {"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"search_learnings",\
                    "arguments":{"query":"still serving?"}}}""");
            assertThat(readResponse(out, 3).path("result").path("isError").asBoolean()).isFalse();
        }
    }

    /** Measured once Lore serves tool calls: stdio answers initialize while the store is still being opened. */
    @Test
    void exitsCleanlyWithinOneSecondOfStdinClosing() throws Exception {
        try (LoreProcess lore = LoreProcess.stdio(store.get(), Map.of())) {
            BufferedReader out = lore.stdout();
            send(lore, INITIALIZE, INITIALIZED, """
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_learnings",\
                    "arguments":{"query":"ready?"}}}""");
            readResponse(out, 2);

            long closed = System.nanoTime();
            lore.stdin().close();
            boolean exited = lore.process().waitFor(10, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed);

            assertThat(exited).as("exited at all").isTrue();
            assertThat(lore.process().exitValue()).isZero();
            assertThat(millis).as("milliseconds from stdin EOF to exit").isLessThanOrEqualTo(1000);
        }
    }

    @Test
    void aRequestStillRunningWhenStdinClosesIsAnsweredAndKept() throws Exception {
        try (LoreProcess lore = LoreProcess.stdio(store.get(), Map.of())) {
            send(lore, INITIALIZE, INITIALIZED, """
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"save_learning",\
                    "arguments":{"title":"Last words","learning":"Saved as stdin closed","namespace":"closing"}}}""");
            lore.stdin().close();
            List<String> lines = readToEnd(lore.stdout());

            assertThat(lore.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(lines).anySatisfy(line -> {
                JsonNode message = Json.parse(line);
                assertThat(message.path("id").asInt()).isEqualTo(2);
                assertThat(message.path("result").path("isError").asBoolean()).isFalse();
            });
        }
        try (Connection db = store.get().connect();
                ResultSet rows = db.createStatement()
                        .executeQuery("SELECT count(*) FROM learning WHERE namespace = 'closing'")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aSearchSentRightAfterTheHandshakeOnANewStoreWaitsForTheStore() throws Exception {
        try (LoreProcess lore = LoreProcess.stdio(store.get(), Map.of())) {
            send(lore, INITIALIZE, INITIALIZED, """
                    {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_learnings",\
                    "arguments":{"query":"anything yet","namespace":"brand-new"}}}""");

            JsonNode answer = readResponse(lore.stdout(), 2);

            assertThat(answer.has("error")).as("answered with %s", answer).isFalse();
            assertThat(answer.path("result").path("isError").asBoolean()).as("answered with %s", answer).isFalse();
        }
    }

    @Test
    void aStoreMigratedByANewerLoreIsRefusedWithTheReasonOnStderr() throws Exception {
        try (TestStores.Store newer = TestStores.fresh()) {
            try (LoreProcess lore = LoreProcess.stdio(newer, Map.of())) {
                send(lore, INITIALIZE, INITIALIZED, """
                        {"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"search_learnings",\
                        "arguments":{"query":"migrate the store"}}}""");
                readResponse(lore.stdout(), 2);
            }
            LocalServerProcesses.stopAll(newer.localServers()); // as it stops once no client uses it
            try (Connection db = newer.connect(); Statement statement = db.createStatement()) {
                statement.executeUpdate("""
                        INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,
                            checksum, installed_by, installed_on, execution_time, success)
                        SELECT 1000, '999', 'from a newer Lore', 'SQL', 'V999__newer.sql', 0, 'test', installed_on, 0,
                            success
                        FROM flyway_schema_history WHERE installed_rank = 1""");
            }

            assertThat(refusedStart(newer.environment())).contains("applied migration not resolved locally: 999");
        }
    }

    @Test
    void searchSettingsOutOfRangeStopLoreNamingEachSettingAndItsLimit() throws Exception {
        try (TestStores.Store store = TestStores.fresh()) {
            Map<String, String> environment = new HashMap<>(store.environment());
            environment.put("LORE_SEARCH_QUESTION_DISCOUNT", "1.5");
            environment.put("LORE_SEARCH_NEIGHBOUR_WINDOW", "-1");
            environment.put("LORE_SEARCH_TAG_BOOST", "0.2");

            assertThat(refusedStart(environment))
                    .contains("lore.search.question-discount must be at most 1")
                    .contains("lore.search.neighbour-window must be at least 0")
                    .doesNotContain("tag-boost");
        }
    }

    /** Starts Lore over stdio in this environment, expects it to exit with an error and a reason, returns its stderr. */
    private static String refusedStart(Map<String, String> environment) throws Exception {
        Path stderr = Files.createTempFile("lore-refused-", ".log");
        ProcessBuilder builder = new ProcessBuilder(LoreProcess.command()).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        Process lore = builder.start();
        try {
            lore.getOutputStream().write((INITIALIZE + "\n" + INITIALIZED + "\n").getBytes(StandardCharsets.UTF_8));
            lore.getOutputStream().flush();

            assertThat(lore.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
            assertThat(lore.exitValue()).isNotZero();
            String reason = Files.readString(stderr);
            assertThat(reason).contains("lore: could not start:");
            return reason;
        } finally {
            lore.destroyForcibly();
            Files.deleteIfExists(stderr);
        }
    }

    static void send(LoreProcess lore, String... messages) throws IOException {
        OutputStream in = lore.stdin();
        for (String message : messages) {
            in.write((message + "\n").getBytes(StandardCharsets.UTF_8));
        }
        in.flush();
    }

    static JsonNode readResponse(BufferedReader out, int id) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            JsonNode message = Json.parse(line);
            if (message.path("id").asInt(-1) == id) {
                return message;
            }
        }
        throw new AssertionError("stdout ended before the response to request " + id);
    }

    static List<String> readToEnd(BufferedReader out) throws IOException {
        List<String> lines = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            lines.add(line);
        }
        return lines;
    }
}
