package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageRequest;
import io.modelcontextprotocol.spec.McpSchema.CreateMessageResult;

/**
 * Extraction through the model of the client that hands a conversation over (MCP sampling), when Lore has no model of
 * its own: the packaged Lore over stdio, the official Java SDK's client answering the sampling request with what a
 * model would (written down, in a Markdown fence as chat models often answer). The seed's Level 1 conversation fills
 * Alice's profile and memories; the client's model gets the dated turns, the schema, and no secret.
 */
class SamplingIT {

    private final List<CreateMessageRequest> asked = new CopyOnWriteArrayList<>();

    private McpSyncClient client(TestStores.Store store, String answer) {
        List<String> command = LoreProcess.command();
        Map<String, String> environment = new HashMap<>(store.environment());
        environment.put("LORE_USER", "alice");
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder(command.get(0))
                .args(command.subList(1, command.size())).env(environment).build(),
                new JacksonMcpJsonMapper(new ObjectMapper()));
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60))
                .clientInfo(new McpSchema.Implementation("sampling-client", "1.0"))
                .capabilities(McpSchema.ClientCapabilities.builder().sampling().build())
                .sampling(request -> {
                    asked.add(request);
                    return CreateMessageResult.builder().role(McpSchema.Role.ASSISTANT)
                            .content(new McpSchema.TextContent("```json\n" + answer + "\n```"))
                            .model("client-model-7b").build();
                }).build();
        client.initialize();
        return client;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
        assertThat(result.isError()).as("%s: %s", tool, result).isNotEqualTo(Boolean.TRUE);
        return (Map<String, Object>) result.structuredContent();
    }

    static String levelOneAnswer() throws Exception {
        try (InputStream in = SamplingIT.class.getResourceAsStream("/extraction/answers.json")) {
            for (JsonNode fixture : Json.MAPPER.readTree(in)) {
                if (fixture.path("match").asText().equals("Hi! I'm Alice")) {
                    return fixture.path("answers").get(0).toString();
                }
            }
        }
        throw new IllegalStateException("no Level 1 answer in extraction/answers.json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClientsModelFillsTheProfileAndMemoriesWhenLoreHasNone() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); McpSyncClient client = client(store, levelOneAnswer())) {
            Map<String, Object> queued = call(client, "learn_from_conversation", Map.of("session_id", "level-1",
                    "messages", List.of(
                            Map.of("role", "user", "content", "Hi! I'm Alice, a platform engineer at Acme. Keep "
                                    + "your answers short, please. I'm preparing a talk on Kafka consumer lag for "
                                    + "the March meetup.", "timestamp", "2026-11-02T09:00:00Z"),
                            Map.of("role", "assistant", "content", "Nice to meet you, Alice. What should the talk "
                                    + "cover first?", "timestamp", "2026-11-02T09:00:05Z"),
                            Map.of("role", "user", "content", "Yesterday I gave a first dry run to my team. My "
                                    + "deploy key is ghp_8Jk2LmN4pQ6rS8tU0vW2xY4zA6bC8dE0fG2h by the way.",
                                    "timestamp", "2026-11-02T09:01:00Z"))));
            Map<String, Object> job = queued;
            for (int wait = 0; wait < 300 && !List.of("done", "failed").contains(job.get("state")); wait++) {
                Thread.sleep(200);
                job = call(client, "get_learning_job", Map.of("job_id", queued.get("job_id")));
            }

            assertThat(job.get("state")).as("job: %s", job).isEqualTo("done");
            assertThat((Map<String, Object>) job.get("learned")).containsEntry("conversations", 3)
                    .containsEntry("profile", 4).containsEntry("memory", 2);
            assertThat(call(client, "get_profile", Map.of()).toString()).contains("Alice", "platform engineer",
                    "Acme");
            assertThat(asked).singleElement().satisfies(request -> {
                assertThat(request.systemPrompt()).contains("JSON schema", "\"profile\"", "\"memory\"");
                String conversation = ((McpSchema.TextContent) request.messages().get(0).content()).text();
                assertThat(conversation).contains("[2026-11-02 09:01 UTC (Monday)] user: Yesterday I gave")
                        .contains("[redacted: GitHub token]").doesNotContain("ghp_8Jk2");
            });
        }
    }
}
