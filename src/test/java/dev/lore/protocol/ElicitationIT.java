package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ElicitFormRequest;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;

/**
 * Propose mode with a client that can ask its user (MCP elicitation), through the packaged Lore over stdio and the
 * official Java SDK's client: the user accepts a learning as it is or edited, or rejects it; a client that declines,
 * or fails to ask, leaves the proposal in the review inbox, neither lost nor accepted.
 */
class ElicitationIT {

    static final Map<String, Object> LEARNING = Map.of("title", "Flyway baseline", "learning",
            "Run flyway baseline once on a database created before migrations were adopted.");

    /** What the client's user does when asked, and what they were asked. */
    private final List<ElicitFormRequest> asked = new CopyOnWriteArrayList<>();
    private volatile Function<ElicitFormRequest, ElicitResult> user;

    private McpSyncClient client(TestStores.Store store) {
        List<String> command = LoreProcess.command();
        Map<String, String> environment = new HashMap<>(store.environment());
        environment.put("LORE_STORES_KNOWLEDGE_MODE", "propose");
        environment.put("LORE_REVIEW_ASK_TIMEOUT", "5s"); // a client that fails to ask is waited for this long
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).env(environment).build(),
                new JacksonMcpJsonMapper(new ObjectMapper()));
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("asking-client", "1.0"))
                .capabilities(McpSchema.ClientCapabilities.builder().elicitation().build())
                .elicitation(request -> {
                    asked.add(request);
                    return user.apply(request);
                }).build();
        client.initialize();
        return client;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> save(McpSyncClient client, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("save_learning", arguments));
        assertThat(result.isError()).as("result: %s", result).isNotEqualTo(Boolean.TRUE);
        return (Map<String, Object>) result.structuredContent();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> proposals(McpSyncClient client, String state) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest("list_proposals",
                Map.of("state", state)));
        return (List<Map<String, Object>>) ((Map<String, Object>) result.structuredContent()).get("proposals");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theUserAcceptsALearningEditedWhenAsked() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); McpSyncClient client = client(store)) {
            user = request -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("decision", "accept", "title",
                    "Flyway baseline", "learning", "Run flyway baseline once, at version 1, on a database created "
                            + "before migrations were adopted."));

            Map<String, Object> saved = save(client, LEARNING);

            assertThat(asked).singleElement().satisfies(request -> {
                assertThat(request.message()).contains("asking-client proposes this for knowledge");
                assertThat(request.requestedSchema().toString()).contains("decision", "accept", "reject",
                        "Run flyway baseline once on a database created before migrations were adopted.");
            });
            assertThat(saved.get("status")).as("answer: %s", saved).isEqualTo("created");
            assertThat(saved.get("message").toString()).contains("accepted it edited");
            assertThat(((Map<String, Object>) saved.get("learning")).get("text").toString())
                    .contains("at version 1");
            assertThat(proposals(client, "accepted")).singleElement().satisfies(proposal -> assertThat(
                    proposal.get("decided_by").toString()).endsWith("(asked through asking-client)"));
        }
    }

    @Test
    void aRejectionWhenAskedIsRememberedAndADeclineOrAFailureLeavesTheProposalWaiting() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); McpSyncClient client = client(store)) {
            user = request -> new ElicitResult(ElicitResult.Action.ACCEPT, Map.of("decision", "reject"));
            assertThat(save(client, LEARNING).get("status")).isEqualTo("rejected");
            assertThat(save(client, LEARNING).get("status")).as("not proposed, nor asked, again")
                    .isEqualTo("rejected_before");
            assertThat(asked).hasSize(1);

            user = request -> new ElicitResult(ElicitResult.Action.DECLINE, null);
            Map<String, Object> declined = save(client, Map.of("title", "Gradle daemon", "learning",
                    "Stop the Gradle daemon before switching JDKs, or the build keeps the old one."));
            assertThat(declined.get("status")).isEqualTo("proposed");

            user = request -> {
                throw new IllegalStateException("the client's window was closed");
            };
            Map<String, Object> failed = save(client, Map.of("title", "Nginx reload", "learning",
                    "nginx -s reload keeps open connections; a restart drops them."));
            assertThat(failed.get("status")).isEqualTo("proposed");

            assertThat(proposals(client, "pending")).extracting(proposal -> proposal.get("id"))
                    .containsExactlyInAnyOrder(declined.get("id"), failed.get("id"));
            assertThat(asked).hasSize(3);
        }
    }
}
