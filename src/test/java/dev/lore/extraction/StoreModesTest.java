package dev.lore.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.decisions.DecisionService;
import dev.lore.decisions.NewDecision;
import dev.lore.identity.Caller;
import dev.lore.store.LearningStore;
import dev.lore.testing.McpCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/** Modes per store: a store that is off lists no tools and adds nothing to recall; a model fills those in always. */
@QuarkusTest
@TestProfile(StoreModesTest.Modes.class)
class StoreModesTest {

    public static class Modes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lore.stores.decisions.mode", "off", "lore.stores.session.mode", "always",
                    "lore.stores.entities.mode", "always,agentic", "lore.stores.knowledge.mode", "propose");
        }
    }

    @Inject
    Extractor extractor;

    @Inject
    DecisionService decisions;

    @Test
    void theToolListFollowsTheModes() {
        List<String> tools = new ArrayList<>();
        try (McpCalls mcp = new McpCalls()) {
            mcp.client().when().toolsList(page -> page.tools().forEach(tool -> tools.add(tool.name())))
                    .thenAssertResults();
        }
        assertThat(tools).as("off").doesNotContain("log_decision", "record_outcome", "search_decisions",
                "list_decisions");
        assertThat(tools).as("always without agentic").doesNotContain("get_session_context",
                "update_session_context");
        assertThat(tools).contains("save_entity_fact", "save_memory", "update_profile", "search_conversations",
                "learn_from_conversation", "get_learning_job", "save_learning");
    }

    @Test
    void aModelFillsTheStoresInAlwaysOrProposeModeThatItCan() {
        assertThat(extractor.targets()).extracting(LearningStore::name)
                .containsExactly("profile", "session", "memory", "entities", "knowledge", "runbooks");
    }

    @Test
    void aSaveThroughTheToolsOfAStoreInProposeModeWaitsForAPerson() {
        String namespace = "modes-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> learning = Map.of("title", "Terraform state lock", "learning", "A stuck Terraform state "
                + "lock is released with terraform force-unlock and the lock id from the error.", "namespace",
                namespace);
        String proposalId;
        try (McpCalls agent = new McpCalls("claude-code")) {
            JsonObject saved = agent.ok("save_learning", learning);
            assertThat(saved.getString("status")).isEqualTo("proposed");
            proposalId = saved.getString("id");
            assertThat(agent.ok("search_learnings", Map.of("query", "stuck terraform lock", "namespace", namespace))
                    .getJsonArray("results")).as("not knowledge before a person's yes").isEmpty();
            assertThat(agent.ok("list_proposals", Map.of("namespace", namespace)).getJsonArray("proposals"))
                    .singleElement().satisfies(proposal -> {
                        JsonObject waiting = (JsonObject) proposal;
                        assertThat(waiting.getString("proposed_by")).isEqualTo("claude-code");
                        assertThat(waiting.getJsonObject("knowledge").getString("title"))
                                .isEqualTo("Terraform state lock");
                    });
            assertThat(agent.error("review_proposal", Map.of("proposal_id", proposalId, "decision", "accept")))
                    .contains("cannot accept its own proposal");
        }
        try (McpCalls reviewer = new McpCalls("vscode")) {
            JsonObject accepted = reviewer.ok("review_proposal", Map.of("proposal_id", proposalId, "decision",
                    "accept", "note", "the user said yes"));
            assertThat(accepted.getString("state")).isEqualTo("accepted");
            assertThat(accepted.getString("decided_by")).endsWith("(vscode)");
            assertThat(reviewer.ok("search_learnings", Map.of("query", "stuck terraform lock", "namespace",
                    namespace)).getJsonArray("results").getJsonObject(0).getString("title"))
                    .isEqualTo("Terraform state lock");
            assertThat(reviewer.ok("save_learning", learning).getString("status")).as("saved again once accepted")
                    .isEqualTo("accepted_before");
        }
    }

    @Test
    void aStoreThatIsOffAddsNothingToRecall() {
        String namespace = "modes-" + UUID.randomUUID().toString().substring(0, 8);
        decisions.log(new Caller("alice", "test", "s1", namespace), new NewDecision("Move billing to Postgres",
                "The ledger needs transactions", null, null, null, null));
        try (McpCalls mcp = new McpCalls()) {
            assertThat(mcp.recall(Map.of("namespace", namespace, "query", "billing Postgres")))
                    .doesNotContain("Decisions relevant", "Move billing to Postgres");
        }
    }
}
