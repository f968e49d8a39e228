package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TcpProxy;
import dev.lore.testing.TestStores;

/**
 * The team server's database goes away while Lore runs (a relay between them is cut: open connections drop, new ones
 * are refused) and comes back. Meanwhile a request is told the database cannot be reached (HTTP 503 with
 * {@code Retry-After} where its token could not be looked up, a tool error where the tool's work failed), nothing is
 * half-written, and once the database is back the same server and the same client session are served again.
 */
class DatabaseOutageIT {

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();
    private static final Pattern HOST_AND_PORT = Pattern.compile("//([^/:]+):(\\d+)/");

    @BeforeAll
    static void teamOnly() {
        assumeFalse(TestStores.isLocal(), "the local flavor's database is a file inside Lore's own process");
    }

    @Test
    void aRequestWhoseTokenCannotBeLookedUpIsAnswered503AndTheServerServesAgainAfter() throws Exception {
        String token = LoreProcess.run(store.get(), Map.of(), "token", "create", "--user", "alice",
                "--namespaces", "platform").stdout().strip();
        try (TcpProxy database = relayToDatabase();
                LoreProcess lore = LoreProcess.httpWithTokens(store.get(), through(database))) {
            assertThat(AuthIT.initialize(lore, "Bearer " + token).statusCode()).isEqualTo(200);

            database.cut();
            HttpResponse<String> during = AuthIT.initialize(lore, "Bearer " + token);
            assertThat(during.statusCode()).as("body: %s", during.body()).isEqualTo(503);
            assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(during.body()).startsWith("Lore's database cannot be reached right now")
                    .doesNotContain("Exception", "127.0.0.1");

            database.restore();
            assertThat(initializedWithin(lore, token, 30)).as("served again without a restart").isTrue();
            assertThat(lore.log()).contains("The database cannot be reached: ");
        }
    }

    @Test
    void aToolCallDuringTheOutageIsAToolErrorThatWritesNothingAndTheSessionGoesOnAfter() throws Exception {
        try (TcpProxy database = relayToDatabase(); LoreProcess lore = LoreProcess.http(store.get(), through(database));
                McpClient client = new DefaultMcpClient.Builder().clientName("outage-test")
                        .transport(new StreamableHttpMcpTransport.Builder().url(lore.baseUrl() + "/mcp").build())
                        .build()) {
            save(client, "Before", "The ledger is reconciled nightly at 02:00 UTC.");

            database.cut();
            assertThatThrownBy(() -> save(client, "During", "Card refunds settle in three business days."))
                    .isInstanceOf(ToolExecutionException.class)
                    .hasMessage("Lore's database cannot be reached right now, so this call did not complete and "
                            + "changed nothing. Try again in a few seconds.");
            assertThatThrownBy(() -> call(client, "search_learnings", "query", "ledger"))
                    .isInstanceOf(ToolExecutionException.class)
                    .hasMessageStartingWith("Lore's database cannot be reached right now");

            database.restore();
            ToolExecutionResult after = savedWithin(client, 30);
            assertThat(Json.parse(after.resultText()).path("status").asText()).isEqualTo("created");
        }
        assertThat(titlesStored()).containsExactlyInAnyOrder("Before", "After");
    }

    private static TcpProxy relayToDatabase() {
        Matcher database = HOST_AND_PORT.matcher(jdbcUrl());
        assertThat(database.find()).as("host and port in %s", jdbcUrl()).isTrue();
        return TcpProxy.to(database.group(1), Integer.parseInt(database.group(2)));
    }

    private static Map<String, String> through(TcpProxy database) {
        Map<String, String> environment = new HashMap<>();
        environment.put("QUARKUS_DATASOURCE_JDBC_URL",
                HOST_AND_PORT.matcher(jdbcUrl()).replaceFirst("//127.0.0.1:" + database.port() + "/"));
        return environment;
    }

    private static String jdbcUrl() {
        return store.get().config().get("quarkus.datasource.jdbc.url");
    }

    private static boolean initializedWithin(LoreProcess lore, String token, int seconds) throws Exception {
        for (int attempt = 0; attempt < seconds * 2; attempt++) {
            if (AuthIT.initialize(lore, "Bearer " + token).statusCode() == 200) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static ToolExecutionResult savedWithin(McpClient client, int seconds) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return save(client, "After", "Payment retries back off for up to an hour.");
            } catch (ToolExecutionException stillDown) {
                if (attempt >= seconds * 2) {
                    throw stillDown;
                }
                Thread.sleep(500);
            }
        }
    }

    private static ToolExecutionResult save(McpClient client, String title, String learning) {
        return call(client, "save_learning", "title", title, "learning", learning);
    }

    private static ToolExecutionResult call(McpClient client, String tool, Object... arguments) {
        return client.executeTool(ToolExecutionRequest.builder().id("1").name(tool)
                .arguments(Json.object(arguments)).build());
    }

    private static List<String> titlesStored() throws Exception {
        List<String> titles = new ArrayList<>();
        try (Connection db = store.get().connect(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT title FROM learning")) {
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
        }
        return titles;
    }
}
