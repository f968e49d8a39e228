package dev.lore.recall;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

import dev.lore.testing.McpCalls;
import dev.lore.testing.Namespaces;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RecallMcpTest {

    static String user() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String prompt(McpCalls mcp, Map<String, String> arguments) {
        return mcp.recall(arguments);
    }

    /** Session context belongs to the caller's user, so this story is told as the local user. */
    @Test
    void theContextGathersEveryStoreInAFixedOrder() {
        try (McpCalls mcp = new McpCalls()) {
            String alice = mcp.ok("get_profile", Map.of()).getString("user_id");
            String session = "s-" + UUID.randomUUID();
            mcp.ok("update_profile", Map.of("user_id", alice, "fields", Map.of("name", "Alice Chen", "role",
                    "staff engineer", "preferences", Map.of("verbosity", "concise"))));
            mcp.ok("update_session_context", Map.of("session_id", session, "summary", "Tuning the Kafka consumers"));
            mcp.ok("save_memory", Map.of("user_id", alice, "memory", "Alice is on call for the Kafka cluster this week"));
            mcp.ok("save_learning", Map.of("title", "Kafka lag", "learning",
                    "Consumer lag alarms on the Kafka cluster fire at 10k messages; check partition skew first"));
            mcp.ok("log_decision", Map.of("decision", "Run Kafka with three brokers", "reasoning",
                    "Two brokers lost quorum during the last incident"));

            String context = prompt(mcp, Map.of("user_id", alice, "session_id", session, "query", "kafka consumer lag"));

            assertThat(context).contains("Alice Chen", "staff engineer", "verbosity: concise",
                    "Tuning the Kafka consumers", "on call for the Kafka cluster", "Kafka lag: Consumer lag alarms",
                    "Run Kafka with three brokers");
            assertThat(context.indexOf("## The user")).isLessThan(context.indexOf("## This session"));
            assertThat(context.indexOf("## This session")).isLessThan(context.indexOf("## Remembered about"));
            assertThat(context.indexOf("## Remembered about")).isLessThan(context.indexOf("## Team learnings"));
            assertThat(context.indexOf("## Team learnings")).isLessThan(context.indexOf("## Decisions"));
            assertThat(prompt(mcp, Map.of("user_id", alice, "session_id", session, "query", "kafka consumer lag")))
                    .as("deterministic").isEqualTo(context);
        }
    }

    @Test
    void learningsAndDecisionsComeOnlyWhenTheyBearOnTheQuery() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_learning", Map.of("namespace", ns, "title", "Egress", "learning",
                    "We're trying to reduce our cloud egress costs"));
            mcp.ok("log_decision", Map.of("namespace", ns, "decision", "Keep the office plants watered on Fridays",
                    "reasoning", "Somebody has to"));
            String unrelated = prompt(mcp, Map.of("user_id", user(), "namespace", ns, "query", "billing migration"));
            assertThat(unrelated).doesNotContain("## Team learnings", "egress", "## Decisions", "plants");
            String related = prompt(mcp, Map.of("user_id", user(), "namespace", ns,
                    "query", "how do we cut our cloud bandwidth bill"));
            assertThat(related).contains("## Team learnings", "reduce our cloud egress costs");
        }
    }

    @Test
    void entitiesThatBearOnTheQueryComeWithTheirFacts() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "billing-service", "entity_type", "system",
                    "fact", "Runs on the payments Kubernetes cluster and pages the payments team"));
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Office", "fact",
                    "The plants are watered on Fridays"));
            String context = prompt(mcp, Map.of("user_id", user(), "namespace", ns,
                    "query", "who gets paged when billing breaks?"));
            assertThat(context).contains("## Entities relevant to \"who gets paged when billing breaks?\"",
                    "- billing-service (system): Runs on the payments Kubernetes cluster and pages the payments team")
                    .doesNotContain("plants");
            assertThat(context.indexOf("## The user")).isLessThan(context.indexOf("## Entities relevant"));
            assertThat(prompt(mcp, Map.of("user_id", user(), "namespace", ns))).as("no query: nothing to bear on")
                    .doesNotContain("## Entities");
        }
    }

    @Test
    void nothingComesFromAnotherUser() {
        String alice = user();
        String bob = user();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("update_profile", Map.of("user_id", bob, "fields", Map.of("name", "Bob Secret")));
            mcp.ok("save_memory", Map.of("user_id", bob, "memory", "Bob is interviewing at a competitor"));
            mcp.ok("save_memory", Map.of("user_id", alice, "memory", "Alice is learning Rust"));
            String context = prompt(mcp, Map.of("user_id", alice, "query", "interviewing competitor"));
            assertThat(context).doesNotContain("Bob Secret", "interviewing at a competitor");
            assertThat(context).contains("No profile yet for " + alice);
        }
    }

    @Test
    void theBlockStaysWithinItsBudget() {
        String carol = user();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("update_profile", Map.of("user_id", carol, "fields", Map.of("name", "Carol")));
            for (String memory : List.of("Carol writes the quarterly report in Google Docs and shares it with finance",
                    "Carol prefers meetings before noon and keeps Friday afternoons free of calls",
                    "Carol is moving to the data platform team in May, after the billing migration",
                    "Carol reviews every schema migration before it reaches the release branch")) {
                mcp.ok("save_memory", Map.of("user_id", carol, "memory", memory));
            }
            String full = prompt(mcp, Map.of("user_id", carol, "max_tokens", "2000"));
            String small = prompt(mcp, Map.of("user_id", carol, "max_tokens", "100"));
            assertThat(full).contains("Carol reviews every schema migration", "Carol writes the quarterly report");
            assertThat(TokenBudget.estimate(small)).isLessThanOrEqualTo(100);
            assertThat(small).contains("## The user").doesNotContain("Carol writes the quarterly report");
        }
    }

    @Test
    void theContextIsAlsoAResource() {
        String dave = user();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("update_profile", Map.of("user_id", dave, "fields", Map.of("role", "designer")));
            mcp.client().when().resourcesRead("lore://users/" + dave + "/context", response -> assertThat(
                    response.contents().get(0).asText().text()).contains("role: designer")).thenAssertResults();
        }
    }

    @Test
    void aBudgetOrNamespaceOutOfRangeIsRefusedByName() {
        try (McpCalls mcp = new McpCalls()) {
            mcp.client().when().promptsGet("recall").withArguments(Map.of("max_tokens", "5")).withErrorAssert(
                    error -> assertThat(error.message()).contains("max_tokens must be a whole number from 100 to 16000"))
                    .send().thenAssertResults();
            mcp.client().when().promptsGet("recall").withArguments(Map.of("namespace", "a b")).withErrorAssert(
                    error -> assertThat(error.message()).contains("namespace must be 1 to 64 characters"))
                    .send().thenAssertResults();
        }
    }
}
