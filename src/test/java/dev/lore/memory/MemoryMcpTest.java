package dev.lore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.testing.McpCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class MemoryMcpTest {

    @Inject
    DataSource dataSource;

    static String user() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void memoriesAreFoundByMeaningAndListedByTopic() {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_memory", Map.of("user_id", alice, "memory", "Alice is preparing a talk on Kafka for March",
                    "topics", List.of("work", "Conferences")));
            mcp.ok("save_memory", Map.of("user_id", alice, "memory", "Alice is vegetarian", "topics", List.of("food")));

            JsonObject found = mcp.ok("search_memories", Map.of("user_id", alice, "query",
                    "what is she presenting at the conference?"));
            assertThat(found.getJsonArray("memories").getJsonObject(0).getString("memory"))
                    .isEqualTo("Alice is preparing a talk on Kafka for March");

            JsonArray food = mcp.ok("list_memories", Map.of("user_id", alice, "topic", "food")).getJsonArray("memories");
            assertThat(food).hasSize(1);
            assertThat(food.getJsonObject(0).getString("memory")).isEqualTo("Alice is vegetarian");
            assertThat(mcp.ok("list_memories", Map.of("user_id", alice, "topic", "conferences")).getInteger("count"))
                    .isEqualTo(1);
            assertThat(mcp.ok("list_memories", Map.of("user_id", alice)).getJsonArray("memories").getJsonObject(0)
                    .getString("memory")).as("newest first").isEqualTo("Alice is vegetarian");
        }
    }

    @Test
    void aRepeatedObservationReinforcesButOnlyForTheSameUser() {
        String alice = user();
        String bob = user();
        try (McpCalls mcp = new McpCalls()) {
            JsonObject first = mcp.ok("save_memory", Map.of("user_id", alice, "memory", "Prefers dark mode in every editor"));
            JsonObject again = mcp.ok("save_memory", Map.of("user_id", alice, "memory", "Prefers dark mode in every editor."));
            assertThat(again.getString("status")).isEqualTo("reinforced");
            assertThat(again.getString("id")).isEqualTo(first.getString("id"));
            assertThat(again.getJsonObject("memory").getInteger("confirmations")).isEqualTo(2);

            JsonObject bobs = mcp.ok("save_memory", Map.of("user_id", bob, "memory", "Prefers dark mode in every editor"));
            assertThat(bobs.getString("status")).isEqualTo("created");
            assertThat(mcp.ok("list_memories", Map.of("user_id", alice)).getInteger("count")).isEqualTo(1);
        }
    }

    @Test
    void memoriesArePrivateToTheirUser() {
        String alice = user();
        String bob = user();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_memory", Map.of("user_id", alice, "memory", "Alice's manager is Priya"));
            assertThat(mcp.ok("search_memories", Map.of("user_id", bob, "query", "who is the manager?"))
                    .getInteger("count")).isZero();
            assertThat(mcp.ok("list_memories", Map.of("user_id", bob)).getInteger("count")).isZero();
        }
    }

    @Test
    void aForgottenMemoryIsDeletedAndTheForgettingAudited() throws Exception {
        String alice = user();
        String bob = user();
        try (McpCalls mcp = new McpCalls()) {
            String id = mcp.ok("save_memory", Map.of("user_id", alice, "memory", "Alice's door code is 4512"))
                    .getString("id");

            assertThat(mcp.error("forget_memory", Map.of("user_id", bob, "id", id)))
                    .as("another user cannot forget it").contains("No memory with id " + id + " for " + bob);

            JsonObject forgotten = mcp.ok("forget_memory", Map.of("user_id", alice, "id", id));
            assertThat(forgotten.getString("status")).isEqualTo("forgotten");
            assertThat(mcp.ok("search_memories", Map.of("user_id", alice, "query", "door code")).getInteger("count"))
                    .isZero();
            assertThat(mcp.error("forget_memory", Map.of("user_id", alice, "id", id))).contains("No memory with id");
        }
        try (Connection db = dataSource.getConnection();
                PreparedStatement rows = db.prepareStatement(
                        "SELECT (SELECT count(*) FROM memory WHERE user_id = ?), "
                                + "(SELECT count(*) FROM search_entry WHERE store = 'memory' AND owner_id = ?), "
                                + "(SELECT count(*) FROM memory_audit WHERE user_id = ? AND action = 'forgotten')")) {
            rows.setString(1, alice);
            rows.setString(2, alice);
            rows.setString(3, alice);
            try (ResultSet result = rows.executeQuery()) {
                result.next();
                assertThat(result.getInt(1)).as("memory rows").isZero();
                assertThat(result.getInt(2)).as("search entries").isZero();
                assertThat(result.getInt(3)).as("audit lines").isEqualTo(1);
            }
        }
    }

    @Test
    void memoriesAreAResource() {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_memory", Map.of("user_id", alice, "memory", "Alice runs on Tuesdays", "topics", List.of("sport")));
            mcp.client().when().resourcesRead("lore://users/" + alice + "/memories", response -> assertThat(
                    response.contents().get(0).asText().text()).contains("# Memories of " + alice,
                            "Alice runs on Tuesdays", "topics: sport")).thenAssertResults();
        }
    }

    @Test
    void invalidInputIsNamed() {
        try (McpCalls mcp = new McpCalls()) {
            assertThat(mcp.error("save_memory", Map.of("memory", "x".repeat(4001))))
                    .isEqualTo("Invalid input: memory must be at most 4000 characters (got 4001).");
            assertThat(mcp.error("list_memories", Map.of("limit", 500))).isEqualTo("Invalid input: limit must be at most 100.");
        }
    }
}
