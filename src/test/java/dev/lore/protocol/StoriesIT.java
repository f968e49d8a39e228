package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpTextContent;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;

/**
 * The seed's "Level 1" story against the packaged server over stdio: Alice tells the agent who she is in one session;
 * in the next (another Lore process, another MCP session) the profile and the recall prompt know her.
 */
class StoriesIT {

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();

    McpClient asAlice() {
        Map<String, String> environment = new java.util.HashMap<>(store.get().environment());
        environment.put("LORE_USER", "alice");
        return new DefaultMcpClient.Builder()
                .clientName("claude-desktop")
                .transport(new StdioMcpTransport.Builder().command(LoreProcess.command()).environment(environment).build())
                .initializationTimeout(Duration.ofSeconds(60))
                .toolExecutionTimeout(Duration.ofSeconds(60))
                .build();
    }

    @Test
    void aliceIsKnownInTheNextSession() throws Exception {
        try (McpClient session1 = asAlice()) {
            StdioProtocolIT.call(session1, "update_profile", Json.object("fields", Map.of("name", "Alice Chen",
                    "preferred_name", "Alice", "role", "staff engineer", "company", "Acme",
                    "preferences", Map.of("verbosity", "concise"))));
            StdioProtocolIT.call(session1, "save_memory", Json.object("memory",
                    "Alice is leading the migration of billing to Postgres", "topics", List.of("work")));
        }
        try (McpClient session2 = asAlice()) {
            JsonNode profile = StdioProtocolIT.structured(StdioProtocolIT.call(session2, "get_profile", "{}"));
            assertThat(profile.path("user_id").asText()).isEqualTo("alice");
            assertThat(profile.path("name").asText()).isEqualTo("Alice Chen");
            assertThat(profile.path("role").asText()).isEqualTo("staff engineer");
            assertThat(profile.path("preferences").path("verbosity").asText()).isEqualTo("concise");

            String recall = ((McpTextContent) session2.getPrompt("recall", Map.of("query", "billing migration"))
                    .messages().get(0).content()).text();
            assertThat(recall).contains("Alice Chen", "staff engineer", "verbosity: concise",
                    "leading the migration of billing to Postgres");
        }
    }

    @Test
    void everyToolAndPromptIsListed() throws Exception {
        try (McpClient client = asAlice()) {
            assertThat(client.listTools()).extracting(t -> t.name()).containsExactlyInAnyOrder(
                    "save_learning", "search_learnings", "get_profile", "update_profile", "save_memory",
                    "search_memories", "list_memories", "forget_memory", "get_session_context",
                    "update_session_context", "save_entity_fact", "relate_entities", "get_entity", "search_entities",
                    "log_decision", "record_outcome", "search_decisions", "list_decisions", "search_conversations",
                    "forget_conversation", "learn_from_conversation", "get_learning_job", "list_proposals",
                    "review_proposal", "save_runbook", "search_runbooks");
            assertThat(client.listPrompts()).extracting(p -> p.name()).containsExactly("recall");
            assertThat(client.listResourceTemplates()).extracting(t -> t.uriTemplate()).contains(
                    "lore://users/{user_id}/profile", "lore://users/{user_id}/memories", "lore://sessions/{session_id}",
                    "lore://entities/{namespace}/{entity}", "lore://decisions/{id}", "lore://users/{user_id}/context");
        }
    }
}
