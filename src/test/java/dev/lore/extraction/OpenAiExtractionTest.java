package dev.lore.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.testing.ChatReplay;
import dev.lore.testing.ChatReplayResource;
import dev.lore.testing.LearningJobs;
import dev.lore.testing.McpCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/** Extraction with a model behind an OpenAI-compatible endpoint (llama.cpp's server, vLLM, a hosted API). */
@QuarkusTest
@TestProfile(OpenAiExtractionTest.WithOpenAiEndpoint.class)
class OpenAiExtractionTest {

    public static class WithOpenAiEndpoint implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ChatReplayResource.class, Map.of("api", "openai")));
        }
    }

    @Test
    void theLevelOneConversationFillsTheProfileThroughAnOpenAiCompatibleEndpoint() throws Exception {
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        try (McpCalls mcp = new McpCalls()) {
            JsonObject done = LearningJobs.awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of(
                    "messages", OllamaExtractionTest.LEVEL_1, "session_id", "level-1-" + alice, "user_id", alice)));

            assertThat(done.getString("state")).as("job: %s", done).isEqualTo("done");
            assertThat(mcp.ok("get_profile", Map.of("user_id", alice)).encode()).contains("\"Alice\"", "Acme");
            JsonNode asked = ChatReplayResource.current().requestsAbout("Hi! I'm Alice").get(0);
            assertThat(asked.path("model").asText()).isEqualTo(ChatReplay.MODEL);
            JsonNode format = asked.path("response_format");
            assertThat(format.path("type").asText()).isEqualTo("json_schema");
            assertThat(format.path("json_schema").path("schema").path("properties").has("profile")).isTrue();
        }
    }
}
