package dev.lore.extraction;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.testing.ChatReplay;
import dev.lore.testing.ChatReplayResource;
import dev.lore.testing.LearningJobs;
import static dev.lore.testing.LearningJobs.said;
import dev.lore.testing.McpCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;

/**
 * Extraction with an Ollama model, against a stand-in that answers Ollama's chat API: the seed's Level 1
 * conversation fills Alice's profile and memories, a later session's recall shows them; an answer that cannot be
 * used is asked for once more, then the job fails with the model's name; a model that cannot answer leaves the job to
 * be tried again. Conversation memory keeps the turns whatever the model does.
 */
@QuarkusTest
@TestProfile(OllamaExtractionTest.WithOllama.class)
class OllamaExtractionTest {

    public static class WithOllama implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ChatReplayResource.class));
        }
    }

    static final List<Map<String, Object>> LEVEL_1 = List.of(
            said("user", "Hi! I'm Alice, a platform engineer at Acme. Keep your answers short, "
                    + "please. I'm preparing a talk on Kafka consumer lag for the March meetup.",
                    "2026-11-02T09:00:00Z"),
            said("assistant", "Nice to meet you, Alice. What should the talk cover first?",
                    "2026-11-02T09:00:05Z"),
            said("user", "Yesterday I gave a first dry run to my team. My deploy key is "
                    + "ghp_8Jk2LmN4pQ6rS8tU0vW2xY4zA6bC8dE0fG2h by the way.", "2026-11-02T09:01:00Z"));

    static String user() {
        return "alice-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theLevelOneConversationFillsTheProfileAndMemoriesThatALaterRecallShows() throws Exception {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            JsonObject done = LearningJobs.awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of(
                    "messages", LEVEL_1, "session_id", "level-1-" + alice, "user_id", alice)));

            assertThat(done.getString("state")).as("job: %s", done).isEqualTo("done");
            assertThat(done.getJsonObject("learned").getMap()).containsEntry("conversations", 3)
                    .containsEntry("profile", 4).containsEntry("memory", 2);
            JsonObject profile = mcp.ok("get_profile", Map.of("user_id", alice));
            assertThat(profile.encode()).contains("\"Alice\"", "platform engineer", "Acme", "concise");
            assertThat(mcp.ok("search_memories", Map.of("user_id", alice, "query", "what is she presenting?"))
                    .getJsonArray("memories").getJsonObject(0).getString("memory"))
                    .isEqualTo("Alice is preparing a talk on Kafka consumer lag for the March meetup.");

            String recall = mcp.recall(Map.of("user_id", alice, "session_id", "a-later-session", "query",
                    "Kafka talk"));
            assertThat(recall).contains("Alice", "Acme", "Alice is preparing a talk on Kafka consumer lag");

            JsonNode asked = ChatReplayResource.current().requestsAbout("Hi! I'm Alice").get(0);
            assertThat(asked.path("model").asText()).isEqualTo(ChatReplay.MODEL);
            assertThat(asked.path("format").path("properties").has("profile")).as("the schema Ollama must follow")
                    .isTrue();
            assertThat(asked.path("format").path("properties").has("memory")).isTrue();
            String conversation = asked.path("messages").get(1).path("content").asText();
            assertThat(conversation).as("each message dated, for relative dates")
                    .contains("[2026-11-02 09:01 UTC (Monday)] user: Yesterday I gave a first dry run")
                    .as("no secret reaches the model").doesNotContain("ghp_8Jk2")
                    .contains("[redacted: GitHub token]");
        }
    }

    @Test
    void aTeamLearningTheModelFindsWaitsInTheInboxUntilAPersonAcceptsIt() throws Exception {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            JsonObject done = LearningJobs.awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of(
                    "messages", List.of(said("user", "The integration tests hang on the new runners; "
                            + "-Djava.net.preferIPv4Stack=true fixed it.", "2026-11-04T10:00:00Z")),
                    "session_id", "runners-" + alice, "user_id", alice)));

            assertThat(done.getString("state")).as("job: %s", done).isEqualTo("done");
            JsonObject proposed = done.getJsonArray("records").stream().map(JsonObject.class::cast)
                    .filter(record -> record.getString("store").equals("knowledge")).findFirst().orElseThrow();
            assertThat(proposed.getString("outcome")).isEqualTo("PROPOSED");
            assertThat(mcp.ok("search_learnings", Map.of("query", "integration tests hang on new runners"))
                    .getJsonArray("results").stream().map(JsonObject.class::cast).map(r -> r.getString("title")))
                    .doesNotContain("Integration tests hang when the runner has no IPv6");

            JsonObject waiting = mcp.ok("list_proposals", Map.of()).getJsonArray("proposals").stream()
                    .map(JsonObject.class::cast).filter(p -> p.getString("id").equals(proposed.getString("id")))
                    .findFirst().orElseThrow();
            assertThat(waiting.getString("proposed_by")).isEqualTo("extraction by ollama:" + ChatReplay.MODEL);
            assertThat(waiting.getString("reason")).contains("runners-" + alice);
            JsonObject accepted = mcp.ok("review_proposal", Map.of("proposal_id", waiting.getString("id"),
                    "decision", "accept"));

            assertThat(accepted.getString("state")).isEqualTo("accepted");
            assertThat(mcp.ok("search_learnings", Map.of("query", "integration tests hang on new runners"))
                    .getJsonArray("results").getJsonObject(0).getString("title"))
                    .isEqualTo("Integration tests hang when the runner has no IPv6");
        }
    }

    @Test
    void anAnswerThatCannotBeUsedIsAskedForOnceMoreThenTheJobFailsWithTheModelsName() throws Exception {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            JsonObject failed = LearningJobs.awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of(
                    "messages", List.of(said("user", "The staging database moved to db2 last night.",
                            "2026-11-03T08:00:00Z")), "session_id", "moved-" + alice, "user_id", alice)));

            assertThat(failed.getString("state")).isEqualTo("failed");
            assertThat(failed.getString("error")).contains("ollama:" + ChatReplay.MODEL,
                    "twice gave an answer that cannot be used: its answer breaks the rules of profile "
                    + "(profile[0].field must not be blank)");
            assertThat(failed.getInteger("attempts")).isEqualTo(1);
            assertThat(ChatReplayResource.current().requestsAbout("The staging database moved")).hasSize(2);
            assertThat(mcp.ok("get_profile", Map.of("user_id", alice)).encode()).doesNotContain("db2");
            assertThat(mcp.ok("search_conversations", Map.of("user_id", alice, "query", "where is staging's "
                    + "database")).getInteger("count")).as("the turns are kept all the same").isEqualTo(1);
        }
    }

    @Test
    void aModelThatCannotAnswerLeavesTheJobToBeTriedAgain() throws Exception {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            JsonObject queued = mcp.ok("learn_from_conversation", Map.of("messages", List.of(said(
                    "user", "The build cache is flaky on Mondays.", "2026-11-03T08:00:00Z")), "session_id",
                    "flaky-" + alice, "user_id", alice));
            JsonObject job = queued;
            for (int wait = 0; wait < 300 && (job.getInteger("attempts") == 0 || job.getString("state")
                    .equals("running")); wait++) {
                Thread.sleep(200);
                job = mcp.ok("get_learning_job", Map.of("job_id", queued.getString("job_id"), "user_id", alice));
            }

            assertThat(job.getString("state")).isEqualTo("queued");
            assertThat(job.getInteger("attempts")).isEqualTo(1);
            assertThat(job.getString("retry_after")).isNotNull();
            assertThat(job.getString("error")).contains("ollama:" + ChatReplay.MODEL + " at "
                    + ChatReplayResource.current().baseUrl() + " could not be reached");
            assertThat(mcp.ok("search_conversations", Map.of("user_id", alice, "query", "flaky build cache"))
                    .getInteger("count")).isEqualTo(1);
        }
    }
}
