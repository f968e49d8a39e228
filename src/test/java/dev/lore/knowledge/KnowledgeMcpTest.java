package dev.lore.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.testing.Namespaces;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** The knowledge tools' contract as an MCP client sees it: schemas, annotations, answers, errors. */
@QuarkusTest
class KnowledgeMcpTest {

    @Inject
    LearningService learnings;

    @Test
    void toolsDeclareAnnotationsAndOutputSchemas() {
        McpStreamableTestClient client = McpAssured.newConnectedStreamableClient();
        client.when().toolsList(page -> {
            var save = page.findByName("save_learning");
            assertThat(save.annotations().get().readOnlyHint()).isFalse();
            assertThat(save.annotations().get().destructiveHint()).isFalse();
            assertThat(save.outputSchema()).isNotNull();
            assertThat(save.inputSchema().getJsonObject("properties").getJsonObject("title").getInteger("maxLength"))
                    .isEqualTo(200);
            var search = page.findByName("search_learnings");
            assertThat(search.annotations().get().readOnlyHint()).isTrue();
            assertThat(search.annotations().get().idempotentHint()).isTrue();
            assertThat(search.inputSchema().getJsonArray("required").getList()).containsExactly("query");
        }).thenAssertResults();
        client.disconnect();
    }

    @Test
    void answersCarryReadableTextAndStructuredContent() {
        String namespace = Namespaces.fresh();
        McpStreamableTestClient client = McpAssured.newConnectedStreamableClient();
        client.when()
                .toolsCall("save_learning", Map.of("title", "Flaky test", "learning",
                        "The payment test is flaky under load; rerun it alone", "namespace", namespace), response -> {
                            assertThat(response.isError()).isFalse();
                            assertThat(response.content().get(0).asText().text()).startsWith("Saved learning ");
                            JsonObject saved = (JsonObject) response.structuredContent();
                            assertThat(saved.getString("status")).isEqualTo("created");
                            assertThat(saved.getJsonObject("learning").getString("namespace")).isEqualTo(namespace);
                            assertThat(saved.getJsonObject("learning").containsKey("context")).isFalse();
                        })
                .thenAssertResults();
        client.when()
                .toolsCall("search_learnings", Map.of("query", "why is the payment test failing?", "namespace",
                        namespace), response -> {
                            assertThat(response.content().get(0).asText().text())
                                    .contains("Found 1 learning", "Flaky test");
                            JsonObject result = ((JsonObject) response.structuredContent()).getJsonArray("results")
                                    .getJsonObject(0);
                            assertThat(result.getString("text")).contains("rerun it alone");
                            assertThat(result.getJsonArray("matched_terms").getList()).contains("payment", "test");
                            assertThat(result.getString("author")).isNotBlank();
                            assertThat(result.getString("created_at")).isNotBlank();
                        })
                .thenAssertResults();
        client.disconnect();
    }

    @Test
    void everyInvalidFieldIsNamedWithItsLimitAndNothingIsWritten() {
        String namespace = Namespaces.fresh();
        McpStreamableTestClient client = McpAssured.newConnectedStreamableClient();
        client.when()
                .toolsCall("save_learning", Map.of("title", " ", "learning", "x".repeat(8193), "context",
                        "c".repeat(2001), "namespace", namespace, "tags", List.of("fine", "bad tag!")), response -> {
                            assertThat(response.isError()).isTrue();
                            assertThat(response.content().get(0).asText().text()).isEqualTo("Invalid input: "
                                    + "context must be at most 2000 characters (got 2001); "
                                    + "learning must be at most 8192 characters (got 8193); "
                                    + "tags[1] must be 1 to 50 characters: letters, digits, spaces and . _ : / # + -, "
                                    + "starting with a letter or digit; title must not be blank.");
                        })
                .toolsCall("save_learning", Map.of("title", "t", "learning", "l", "namespace", "no spaces allowed"),
                        response -> assertThat(response.content().get(0).asText().text())
                                .contains("namespace must be 1 to 64 characters"))
                .toolsCall("search_learnings", Map.of("query", "q", "limit", 0),
                        response -> assertThat(response.content().get(0).asText().text())
                                .isEqualTo("Invalid input: limit must be at least 1."))
                .thenAssertResults();
        client.disconnect();
        assertThat(learnings.recent(namespace, 10)).isEmpty();
    }

    @Test
    void learningsAreResources() {
        String namespace = Namespaces.fresh();
        Learning saved = learnings.save(Namespaces.caller("ana", namespace),
                new NewLearning("Resource", "Every learning has a lore:// address", "docs", List.of("mcp"))).record();
        McpStreamableTestClient client = McpAssured.newConnectedStreamableClient();
        client.when()
                .resourcesRead("lore://learnings/" + saved.id, response -> assertThat(
                        response.contents().get(0).asText().text()).contains("# Resource",
                                "Every learning has a lore:// address", "Tags: mcp", "Context: docs"))
                .resourcesRead("lore://namespaces/" + namespace + "/learnings", response -> assertThat(
                        response.contents().get(0).asText().text()).contains("**Resource**"))
                .resourcesRead("lore://learnings/no-such-id").withErrorAssert(error -> assertThat(error.code())
                        .isEqualTo(-32002)).send()
                .thenAssertResults();
        client.disconnect();
    }
}
