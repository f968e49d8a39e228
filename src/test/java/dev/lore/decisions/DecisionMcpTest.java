package dev.lore.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lore.testing.McpCalls;
import dev.lore.testing.Namespaces;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class DecisionMcpTest {

    @Test
    void aDecisionIsFoundWithItsReasoningAndLaterItsOutcome() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            JsonObject logged = mcp.ok("log_decision", Map.of("namespace", ns, "decision",
                    "Use Postgres for the event store", "reasoning", "We need transactions and the team knows it well",
                    "alternatives", List.of("Kafka", "DynamoDB"), "tags", List.of("storage"), "confidence", 0.8));
            String id = logged.getString("id");
            mcp.ok("log_decision", Map.of("namespace", ns, "decision", "Deploy with Helm charts", "reasoning",
                    "Everything else in the cluster is deployed that way"));

            JsonObject found = mcp.ok("search_decisions", Map.of("namespace", ns, "query",
                    "why did we pick that database for events?"));
            JsonObject first = found.getJsonArray("decisions").getJsonObject(0);
            assertThat(first.getString("id")).isEqualTo(id);
            assertThat(first.getString("reasoning")).contains("transactions");
            assertThat(first.getJsonArray("alternatives").getList()).containsExactly("Kafka", "DynamoDB");
            assertThat(first.containsKey("outcome")).isFalse();

            mcp.ok("record_outcome", Map.of("namespace", ns, "decision_id", id, "outcome",
                    "Six months in, no data loss; replays take 3 minutes", "success", true));
            JsonObject again = mcp.ok("search_decisions", Map.of("namespace", ns, "query", "event store database"))
                    .getJsonArray("decisions").getJsonObject(0);
            assertThat(again.getString("outcome")).startsWith("Six months in");
            assertThat(again.getBoolean("success")).isTrue();
            assertThat(McpCalls.text(mcp.call("search_decisions", Map.of("namespace", ns, "query", "event store"))))
                    .contains("outcome (success): Six months in");
            mcp.client().when().resourcesRead("lore://decisions/" + id, response -> assertThat(
                    response.contents().get(0).asText().text()).contains("Use Postgres for the event store",
                            "why: We need transactions", "outcome (success)")).thenAssertResults();
        }
    }

    @Test
    void decisionsStayInTheirNamespace() {
        String teamA = Namespaces.fresh();
        String teamB = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            String id = mcp.ok("log_decision", Map.of("namespace", teamA, "decision", "Adopt trunk-based development",
                    "reasoning", "Long-lived branches kept breaking the release")).getString("id");
            assertThat(mcp.ok("list_decisions", Map.of("namespace", teamA)).getInteger("count")).isEqualTo(1);
            assertThat(mcp.ok("list_decisions", Map.of("namespace", teamB)).getInteger("count")).isZero();
            assertThat(mcp.ok("search_decisions", Map.of("namespace", teamB, "query", "branching strategy"))
                    .getInteger("count")).isZero();
            assertThat(mcp.error("record_outcome", Map.of("namespace", teamB, "decision_id", id, "outcome", "x")))
                    .contains("No decision with id " + id + " in namespace " + teamB);
            assertThat(mcp.ok("list_decisions", Map.of()).getJsonArray("decisions").stream()
                    .map(d -> ((JsonObject) d).getString("id")).toList()).as("nor in the default namespace")
                    .doesNotContain(id);
        }
    }

    @Test
    void listingFiltersByDateAndAgent() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("log_decision", Map.of("namespace", ns, "decision", "Pin every plugin version", "reasoning",
                    "Unpinned plugins resolved to ancient releases"));
            JsonObject today = mcp.ok("list_decisions", Map.of("namespace", ns, "since", LocalDate.now().minusDays(1).toString()));
            assertThat(today.getInteger("count")).isEqualTo(1);
            String agent = today.getJsonArray("decisions").getJsonObject(0).getString("agent");
            assertThat(mcp.ok("list_decisions", Map.of("namespace", ns, "since", LocalDate.now().plusDays(1).toString()))
                    .getInteger("count")).isZero();
            assertThat(mcp.ok("list_decisions", Map.of("namespace", ns, "agent_id", agent)).getInteger("count")).isEqualTo(1);
            assertThat(mcp.ok("list_decisions", Map.of("namespace", ns, "agent_id", "some-other-agent"))
                    .getInteger("count")).isZero();
            assertThat(mcp.ok("search_decisions", Map.of("namespace", ns, "query", "plugin versions", "agent_id",
                    "some-other-agent")).getInteger("count")).isZero();
        }
    }

    @Test
    void invalidInputIsNamed() {
        try (McpCalls mcp = new McpCalls()) {
            assertThat(mcp.error("log_decision", Map.of("decision", "d", "reasoning", "r", "confidence", 1.5)))
                    .isEqualTo("Invalid input: confidence must be at most 1.");
            assertThat(mcp.error("list_decisions", Map.of("since", "last tuesday")))
                    .contains("since must be a date such as 2026-11-01");
            assertThat(mcp.error("log_decision", Map.of("decision", " ", "reasoning", "r")))
                    .isEqualTo("Invalid input: decision must not be blank.");
        }
    }
}
