package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.McpClient;
import dev.lore.identity.Caller;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.OllamaReplay;
import dev.lore.testing.TestStores;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * Lore configured to embed with Ollama ({@code lore.embeddings.provider=ollama}), over stdio, against a stand-in that
 * answers Ollama's HTTP API ({@link OllamaReplay}): on a new store, on a store the in-process model wrote, with a
 * model Ollama lacks, and with Ollama down or failing (saves and searches go on by keywords, with a warning).
 */
class OllamaEmbeddingsIT {

    private static final String EGRESS = "We're trying to reduce our cloud egress costs.";
    private static final String LEDGER = "The payments ledger is kept in PostgreSQL.";
    private static final String BANDWIDTH_QUESTION = "how do we shrink the bandwidth bill";
    private static final String MONEY_QUESTION = "where do we store the money";

    @Test
    void aNewStoreSavesAndSearchesWithOllamasVectors() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); OllamaReplay ollama = OllamaReplay.start();
                McpClient client = LoreProcess.stdioClient(store, ollama.loreEnvironment(), "ollama-it")) {
            call(client, "save_learning", "title", "Egress", "learning", EGRESS);
            call(client, "save_learning", "title", "Ledger", "learning", LEDGER);

            assertThat(titlesFound(client, BANDWIDTH_QUESTION)).as("no word in common").startsWith("Egress");
            assertThat(titlesFound(client, MONEY_QUESTION)).startsWith("Ledger");
            assertThat(ollama.requests()).contains(
                    new OllamaReplay.Request("nomic-embed-text", "search_document: Egress\n" + EGRESS),
                    new OllamaReplay.Request("nomic-embed-text", "search_query: " + BANDWIDTH_QUESTION));
            assertThat(embeddingModels(store)).containsExactly("ollama:nomic-embed-text");
        }
    }

    /**
     * Another process is in the middle of a save when Lore makes the first save of a new team store with a model of
     * another size, and that process then makes room for its own model too. The column change must not deadlock with
     * it: PostgreSQL would abort one of the two saves.
     */
    @Test
    void aNewTeamStoreTakesTheModelsSizeWithoutDeadlockingWithAnotherProcessDoingTheSame() throws Exception {
        assumeFalse(TestStores.isLocal(), "SQLite holds vectors of any size side by side");
        ExecutorService saver = Executors.newSingleThreadExecutor();
        try (TestStores.Store store = TestStores.fresh(); OllamaReplay ollama = OllamaReplay.start();
                McpClient client = LoreProcess.stdioClient(store, ollama.loreEnvironment(), "ollama-it");
                Connection otherProcess = store.connect(); Statement otherSave = otherProcess.createStatement()) {
            call(client, "get_profile"); // answered once Lore has started: the store is migrated
            otherProcess.setAutoCommit(false);
            otherSave.execute("SET lock_timeout = '20s'");
            otherSave.execute("LOCK TABLE search_entry IN ROW EXCLUSIVE MODE"); // what its insert of an entry takes

            Future<String> save = saver.submit(
                    () -> call(client, "save_learning", "title", "Egress", "learning", EGRESS));
            awaitAWaitForSearchEntry(store);
            assertThatCode(() -> otherSave.execute("LOCK TABLE search_entry IN ACCESS EXCLUSIVE MODE"))
                    .as("the other process makes room for its model").doesNotThrowAnyException();
            otherProcess.commit();

            assertThat(Json.parse(save.get(30, TimeUnit.SECONDS)).path("status").asText()).isEqualTo("created");
            assertThat(embeddingModels(store)).containsExactly("ollama:nomic-embed-text");
        } finally {
            saver.shutdownNow();
        }
    }

    private static void awaitAWaitForSearchEntry(TestStores.Store store) throws Exception {
        try (Connection db = store.connect(); Statement statement = db.createStatement()) {
            for (int attempt = 0; attempt < 300; attempt++) {
                try (ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_locks WHERE NOT granted "
                        + "AND relation = 'search_entry'::regclass AND database = "
                        + "(SELECT oid FROM pg_database WHERE datname = current_database())")) {
                    waiting.next();
                    if (waiting.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("Lore's save never waited for the other process's lock on search_entry");
    }

    @Test
    void aStoreOfTheInProcessModelKeepsSavingUnderOllamaAndReembedBringsItOver() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); OllamaReplay ollama = OllamaReplay.start()) {
            try (McpClient inProcess = LoreProcess.stdioClient(store, "in-process-it")) {
                call(inProcess, "save_learning", "title", "Ledger", "learning", LEDGER);
            }
            try (McpClient client = LoreProcess.stdioClient(store, ollama.loreEnvironment(), "ollama-it")) {
                assertThat(Json.parse(call(client, "save_learning", "title", "Egress", "learning", EGRESS))
                        .path("status").asText()).isEqualTo("created");
                assertThat(titlesFound(client, MONEY_QUESTION)).as("the ledger's vector is the other model's")
                        .doesNotContain("Ledger");
            }

            LoreProcess.Ran run = ReembedIT.reembed(store, ollama.loreEnvironment());
            assertThat(run.exitCode()).as("exit code, stderr: %s", run.stderr()).isZero();
            assertThat(run.stdout()).containsPattern("Done: [12] entries re-embedded with ollama:nomic-embed-text\\.");

            try (McpClient client = LoreProcess.stdioClient(store, ollama.loreEnvironment(), "ollama-it")) {
                assertThat(titlesFound(client, MONEY_QUESTION)).startsWith("Ledger");
                assertThat(titlesFound(client, BANDWIDTH_QUESTION)).startsWith("Egress");
            }
            assertThat(embeddingModels(store)).containsExactly("ollama:nomic-embed-text");
        }
    }

    @Test
    void whileTheModelFailsSavesAreKeptFindableByTheirWordsWithAWarningAndGetTheirVectorsWhenItIsBack()
            throws Exception {
        try (TestStores.Store store = TestStores.fresh(); OllamaReplay ollama = OllamaReplay.start()) {
            Map<String, String> environment = new HashMap<>(ollama.loreEnvironment());
            environment.put("LORE_EMBEDDINGS_RETRY_AFTER", "3s");
            try (McpSyncClient client = sdkClient(store, environment)) {
                ollama.failWith("llama runner process has terminated: signal: killed");

                McpSchema.CallToolResult saved = client.callTool(new McpSchema.CallToolRequest("save_learning",
                        Map.of("title", "Egress", "learning", EGRESS)));
                String warning = "Saved without its vectors, found by its words until the embedding model works "
                        + "again: The embedding model ollama:nomic-embed-text could not embed the text: HTTP 500 "
                        + "Internal Server Error: llama runner process has terminated: signal: killed.";
                assertThat(text(saved)).startsWith("Warning: " + warning + "\n\n");
                assertThat(saved.meta()).containsEntry("dev.lore/warnings", List.of(warning));
                assertThat(saved.structuredContent()).asString().contains("status=created");

                McpSchema.CallToolResult byWords = client.callTool(new McpSchema.CallToolRequest("search_learnings",
                        Map.of("query", "cloud egress")));
                assertThat(text(byWords)).startsWith("Warning: Searched by keywords only: The embedding model "
                        + "ollama:nomic-embed-text could not embed the text: HTTP 500").contains(EGRESS);
                assertThat(ollama.requests()).as("a model that just failed is left alone for a while")
                        .doesNotContain(new OllamaReplay.Request("nomic-embed-text", "search_query: cloud egress"));
                assertThat(text(client.callTool(new McpSchema.CallToolRequest("search_learnings",
                        Map.of("query", BANDWIDTH_QUESTION))))).as("no word in common, no vector")
                        .doesNotContain(EGRESS);
                assertThat(entriesWithoutVectors(store)).as("nothing half-written: the entry, no vector").isOne();

                ollama.recover();
                awaitVectors(store, "ollama:nomic-embed-text");
                String byMeaning = text(client.callTool(new McpSchema.CallToolRequest("search_learnings",
                        Map.of("query", BANDWIDTH_QUESTION))));
                assertThat(byMeaning).doesNotContain("Warning").contains(EGRESS);
            }
        }
    }

    @Test
    void theOllamaModelIsASettingAndOneOllamaLacksLeavesSavesByWordsWithOllamasReason() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); OllamaReplay ollama = OllamaReplay.start()) {
            Map<String, String> environment = new HashMap<>(ollama.loreEnvironment());
            environment.put("LORE_EMBEDDINGS_OLLAMA_MODEL", "mxbai-embed-large");
            try (McpSyncClient client = sdkClient(store, environment)) {
                assertThat(text(client.callTool(new McpSchema.CallToolRequest("save_learning",
                        Map.of("title", "Egress", "learning", EGRESS)))))
                        .contains("The embedding model ollama:mxbai-embed-large could not embed the text: HTTP 404 "
                                + "Not Found: model \"mxbai-embed-large\" not found, try pulling it first.");
            }
            assertThat(ollama.requests()).as("the model asked for, without nomic-embed-text's prefix")
                    .contains(new OllamaReplay.Request("mxbai-embed-large", "Egress\n" + EGRESS))
                    .extracting(OllamaReplay.Request::model).doesNotContain("nomic-embed-text");
            assertThat(learningsStored(store)).isOne();
        }
    }

    @Test
    void theRecallPromptWithOllamaDownRecallsByWords() throws Exception {
        try (TestStores.Store store = TestStores.fresh();
                McpClient client = LoreProcess.stdioClient(store, OllamaReplay.loreEnvironment(closedPort()),
                        "ollama-down-it")) {
            assertThat(Json.parse(call(client, "save_learning", "title", "Billing", "learning",
                    "The billing migration moves invoices to the new ledger in March.")).path("status").asText())
                    .isEqualTo("created");
            String recalled = client.getPrompt("recall", Map.of("query", "billing migration")).messages().toString();
            assertThat(recalled).contains("The billing migration moves invoices to the new ledger in March.");
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static int learningsStored(TestStores.Store store) throws Exception {
        try (Connection db = store.connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM learning")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** The tool's answer; a tool error is thrown by the client as a {@link ToolExecutionException}. */
    private static String call(McpClient client, String tool, Object... arguments) {
        return StdioProtocolIT.call(client, tool, Json.object(arguments)).resultText();
    }

    private static List<String> titlesFound(McpClient client, String query) {
        return TwoProcessesIT.titlesFound(client, query, Caller.DEFAULT_NAMESPACE);
    }

    /** The official SDK's client, which shows a result's text and {@code _meta} beside its structured content. */
    private static McpSyncClient sdkClient(TestStores.Store store, Map<String, String> settings) {
        List<String> command = LoreProcess.command();
        Map<String, String> environment = new HashMap<>(store.environment());
        environment.putAll(settings);
        McpSyncClient client = io.modelcontextprotocol.client.McpClient.sync(new StdioClientTransport(ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).env(environment).build(),
                new JacksonMcpJsonMapper(new ObjectMapper()))).requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("ollama-failing-it", "1.0")).build();
        client.initialize();
        return client;
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static void awaitVectors(TestStores.Store store, String model) throws Exception {
        for (int attempt = 0; attempt < 100 && entriesWithoutVectors(store) > 0; attempt++) {
            Thread.sleep(200);
        }
        assertThat(entriesWithoutVectors(store)).as("vectors made once the model is back").isZero();
        assertThat(embeddingModels(store)).containsExactly(model);
    }

    private static int entriesWithoutVectors(TestStores.Store store) throws Exception {
        try (Connection db = store.connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM search_entry WHERE embedding_model IS NULL")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static List<String> embeddingModels(TestStores.Store store) throws Exception {
        List<String> models = new ArrayList<>();
        try (Connection db = store.connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT DISTINCT embedding_model FROM search_entry WHERE embedding_model IS NOT NULL")) {
            while (rows.next()) {
                models.add(rows.getString(1));
            }
        }
        return models;
    }
}
