package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.FreshStoreExtension;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpSseTestClient;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.vertx.core.json.JsonObject;

/**
 * The packaged server run as {@code lore http}, driven over Streamable HTTP and legacy SSE by the quarkus-mcp-server
 * test client, and over Streamable HTTP by langchain4j's MCP client.
 */
class HttpProtocolIT {

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();
    static LoreProcess lore;

    @BeforeAll
    static void startLore() {
        lore = LoreProcess.http(store.get());
    }

    @AfterAll
    static void stopLore() {
        lore.close();
    }

    @Test
    void streamableHttpSavesAndSearches() {
        McpStreamableTestClient client = McpAssured.newStreamableClient()
                .setBaseUri(URI.create(lore.baseUrl())).build().connect();
        AtomicReference<String> id = new AtomicReference<>();
        client.when()
                .toolsList(page -> assertThat(page.findByName("save_learning").annotations().get().readOnlyHint())
                        .isFalse())
                .toolsCall("save_learning", Map.of("title", "Streamable", "learning",
                        "Streamable HTTP keeps one endpoint for requests and notifications", "namespace", "http"),
                        response -> id.set(structured(response).path("id").asText()))
                .thenAssertResults();
        client.when()
                .toolsCall("search_learnings", Map.of("query", "which endpoint does streamable http use?",
                        "namespace", "http"), response -> {
                            assertThat(response.isError()).isFalse();
                            assertThat(structured(response).path("results").get(0).path("id").asText())
                                    .isEqualTo(id.get());
                        })
                .resourcesRead("lore://learnings/" + id.get(), response -> assertThat(
                        response.contents().get(0).asText().text()).contains("# Streamable"))
                .thenAssertResults();
        client.disconnect();
    }

    @Test
    void legacySseSavesAndSearches() {
        McpSseTestClient client = McpAssured.newSseClient()
                .setBaseUri(URI.create(lore.baseUrl())).build().connect();
        client.when()
                .toolsCall("save_learning", Map.of("title", "SSE", "learning",
                        "The legacy SSE transport posts messages to the endpoint it announces", "namespace", "sse"),
                        response -> assertThat(response.isError()).isFalse())
                .thenAssertResults();
        client.when()
                .toolsCall("search_learnings", Map.of("query", "where does the SSE transport post messages?",
                        "namespace", "sse"), response -> assertThat(structured(response).path("count").asInt())
                                .isEqualTo(1))
                .thenAssertResults();
        client.disconnect();
    }

    @Test
    void invalidInputIsAToolErrorOverHttp() {
        McpStreamableTestClient client = McpAssured.newStreamableClient()
                .setBaseUri(URI.create(lore.baseUrl())).build().connect();
        client.when()
                .toolsCall("save_learning", Map.of("title", "t", "learning", "l", "tags", List.of("ok", "-bad")),
                        response -> {
                            assertThat(response.isError()).isTrue();
                            assertThat(response.content().get(0).asText().text()).contains("tags[1]");
                        })
                .thenAssertResults();
        client.disconnect();
    }

    @Test
    void langchain4jClientOverStreamableHttp() throws Exception {
        try (McpClient client = new DefaultMcpClient.Builder()
                .transport(new StreamableHttpMcpTransport.Builder().url(lore.baseUrl() + "/mcp").build())
                .build()) {
            client.executeTool(ToolExecutionRequest.builder().id("1").name("save_learning").arguments(Json.object(
                    "title", "langchain4j", "learning", "langchain4j speaks Streamable HTTP to Lore",
                    "namespace", "l4j")).build());
            String found = client.executeTool(ToolExecutionRequest.builder().id("2").name("search_learnings")
                    .arguments(Json.object("query", "who speaks streamable http?", "namespace", "l4j")).build())
                    .resultText();
            assertThat(found).contains("langchain4j speaks Streamable HTTP to Lore");
        }
    }

    /** McpAssured hands structured content over as a Vert.x JSON object. */
    static JsonNode structured(ToolResponse response) {
        return Json.parse(((JsonObject) response.structuredContent()).encode());
    }
}
