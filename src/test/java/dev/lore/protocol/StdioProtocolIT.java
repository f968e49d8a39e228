package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpTextResourceContents;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.FreshStoreExtension;

/**
 * The packaged server over stdio, driven by langchain4j's MCP client, on the build's storage flavor. The client
 * raises a tool result with {@code isError: true} as a {@link ToolExecutionException} carrying the result's text.
 */
class StdioProtocolIT {

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();

    @Test
    void listsTheKnowledgeTools() throws Exception {
        try (McpClient client = LoreProcess.stdioClient(store.get(), "stdio-it")) {
            assertThat(client.listTools()).extracting(ToolSpecification::name)
                    .contains("save_learning", "search_learnings");
            assertThat(client.listResourceTemplates()).extracting(t -> t.uriTemplate())
                    .contains("lore://learnings/{id}");
        }
    }

    @Test
    void aLearningSavedInOneSessionAnswersAnotherEngineersQuestionInTheNext() throws Exception {
        String id;
        try (McpClient engineer1 = LoreProcess.stdioClient(store.get(), "engineer-1-laptop")) {
            ToolExecutionResult saved = call(engineer1, "save_learning", Json.object(
                    "title", "Cloud egress costs",
                    "learning", "We're trying to reduce our cloud egress costs",
                    "tags", List.of("cloud", "cost"),
                    "namespace", "data-team"));
            assertThat(saved.isError()).isFalse();
            id = structured(saved).path("id").asText();
            assertThat(id).isNotBlank();
        }
        try (McpClient engineer2 = LoreProcess.stdioClient(store.get(), "engineer-2-laptop")) {
            ToolExecutionResult found = call(engineer2, "search_learnings", Json.object(
                    "query", "I'm picking a cloud provider for a data pipeline. Key considerations?",
                    "namespace", "data-team"));
            assertThat(found.isError()).isFalse();
            JsonNode results = structured(found).path("results");
            assertThat(results).hasSize(1);
            assertThat(results.get(0).path("id").asText()).isEqualTo(id);
            assertThat(results.get(0).path("text").asText()).isEqualTo("We're trying to reduce our cloud egress costs");
            assertThat(results.get(0).path("score").asDouble()).isPositive();

            McpTextResourceContents resource = (McpTextResourceContents) engineer2
                    .readResource("lore://learnings/" + id).contents().get(0);
            assertThat(resource.text()).contains("# Cloud egress costs", "We're trying to reduce our cloud egress costs");
        }
    }

    @Test
    void nonAsciiTextSurvivesTheRoundTrip() throws Exception {
        String text = "Zürich café: naïve “quotes” — 東京 データ 🚀";
        try (McpClient client = LoreProcess.stdioClient(store.get(), "unicode")) {
            ToolExecutionResult saved = call(client, "save_learning",
                    Json.object("title", "Ünïcödé", "learning", text, "namespace", "unicode"));
            assertThat(structured(saved).path("learning").path("text").asText()).isEqualTo(text);
            ToolExecutionResult found = call(client, "search_learnings",
                    Json.object("query", "zürich café", "namespace", "unicode"));
            assertThat(structured(found).path("results").get(0).path("text").asText()).isEqualTo(text);
        }
    }

    @Test
    void invalidInputIsAToolErrorNamingFieldAndLimitAndWritesNothing() throws Exception {
        try (McpClient client = LoreProcess.stdioClient(store.get(), "invalid")) {
            assertThatThrownBy(() -> call(client, "save_learning",
                    Json.object("title", "x".repeat(201), "learning", "fine", "namespace", "invalid-input")))
                    .isInstanceOf(ToolExecutionException.class)
                    .hasMessage("Invalid input: title must be at most 200 characters (got 201).");
            assertThatThrownBy(() -> call(client, "search_learnings", Json.object("query", "anything", "limit", 500)))
                    .isInstanceOf(ToolExecutionException.class)
                    .hasMessage("Invalid input: limit must be at most 50.");
        }
        try (Connection db = store.get().connect();
                ResultSet rows = db.createStatement()
                        .executeQuery("SELECT count(*) FROM learning WHERE namespace = 'invalid-input'")) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    static ToolExecutionResult call(McpClient client, String tool, String arguments) {
        return client.executeTool(ToolExecutionRequest.builder().id("1").name(tool).arguments(arguments).build());
    }

    static JsonNode structured(ToolExecutionResult result) {
        Object value = result.result();
        return value instanceof String text ? Json.parse(text) : Json.MAPPER.valueToTree(value);
    }
}
