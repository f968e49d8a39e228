package dev.lore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.lore.testing.McpCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** What every tool tells a client about its arguments: their names as the tool takes them, and what they mean. */
@QuarkusTest
class ToolSchemasTest {

    @Test
    void everyArgumentIsNamedAsTheToolTakesItAndDescribed() {
        try (McpCalls mcp = new McpCalls()) {
            mcp.client().when().toolsList(page -> {
                assertThat(page.tools()).hasSizeGreaterThanOrEqualTo(18);
                page.tools().forEach(tool -> {
                    JsonObject properties = tool.inputSchema().getJsonObject("properties");
                    assertThat(properties.fieldNames()).as(tool.name())
                            .allMatch(name -> name.matches("[a-z]+(_[a-z]+)*"));
                    properties.forEach(property -> assertThat(
                            ((JsonObject) property.getValue()).getString("description"))
                            .as(tool.name() + "." + property.getKey()).isNotBlank());
                    if (tool.inputSchema().containsKey("required")) {
                        assertThat(properties.fieldNames()).as(tool.name())
                                .containsAll(tool.inputSchema().getJsonArray("required").getList());
                    }
                });
                JsonObject saveLearning = page.findByName("save_learning").inputSchema().getJsonObject("properties");
                assertThat(saveLearning.getJsonObject("session_id").getInteger("maxLength")).isEqualTo(256);
                assertThat(page.findByName("record_outcome").inputSchema().getJsonArray("required").getList())
                        .containsExactlyInAnyOrder("decision_id", "outcome");
            }).thenAssertResults();
        }
    }
}
