package dev.lore.capture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;

import static dev.lore.testing.LearningJobs.awaitLearned;
import static dev.lore.testing.LearningJobs.said;
import dev.lore.testing.McpCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class CaptureMcpTest {

    static String user() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static final List<Map<String, Object>> TALK = List.of(
            said("user", "Hi! I'm Alice. I'm preparing a talk on Kafka for the March meetup.", "2026-11-02T09:00:00Z"),
            said("assistant", "Happy to help, Alice. What should the talk cover?", "2026-11-02T09:00:05Z"),
            said("user", "Consumer lag: why it grows when a rebalance storms, and how we fixed it by pinning "
                    + "partition assignment.", "2026-11-02T09:01:00Z"),
            said("assistant", "Let's start with an outline on consumer lag and static membership.",
                    "2026-11-02T09:01:10Z"));

    @Test
    void aHandedOverConversationIsQueuedThenFoundByMeaning() throws InterruptedException {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            JsonObject queued = mcp.ok("learn_from_conversation", Map.of("messages", TALK, "session_id", "talk-1",
                    "user_id", alice));
            assertThat(queued.getString("state")).isEqualTo("queued");
            assertThat(queued.getInteger("turns")).isEqualTo(4);

            JsonObject done = awaitLearned(mcp, alice, queued);
            assertThat(done.getString("state")).isEqualTo("done");
            assertThat(done.getJsonObject("learned").getInteger("conversations")).isEqualTo(4);

            JsonObject found = mcp.ok("search_conversations", Map.of("query", "what is her presentation about?",
                    "user_id", alice));
            JsonObject best = found.getJsonArray("turns").getJsonObject(0);
            assertThat(best.getString("text")).contains("talk on Kafka");
            assertThat(best.getString("conversation_id")).isEqualTo("talk-1");
            assertThat(best.getString("occurred_at")).isEqualTo("2026-11-02T09:00:00Z");
            assertThat(best.getString("role")).isEqualTo("user");

            assertThat(mcp.recall(Map.of("user_id", alice, "query", "kafka consumer lag talk")))
                    .contains("## Said in past conversations about \"kafka consumer lag talk\"")
                    .contains("2026-11-02, user: Consumer lag: why it grows");
        }
    }

    @Test
    void handingOverALongerVersionLearnsOnlyTheNewMessages() throws InterruptedException {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of("messages", TALK.subList(0, 2),
                    "session_id", "talk-2", "user_id", alice)));
            JsonObject again = awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of("messages", TALK,
                    "session_id", "talk-2", "user_id", alice)));
            JsonObject same = awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of("messages", TALK,
                    "session_id", "talk-2", "user_id", alice)));

            assertThat(again.getJsonObject("learned").getInteger("conversations")).isEqualTo(2);
            assertThat(same.getJsonObject("learned")).as("nothing new").isEmpty();
            assertThat(mcp.ok("search_conversations", Map.of("query", "Kafka consumer lag", "user_id", alice,
                    "limit", 50)).getInteger("count")).isEqualTo(4);
        }
    }

    @Test
    void aForgottenConversationIsGoneAndStaysGone() throws InterruptedException {
        String alice = user();
        try (McpCalls mcp = new McpCalls()) {
            awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of("messages", TALK, "session_id", "talk-3",
                    "user_id", alice)));
            JsonObject forgotten = mcp.ok("forget_conversation", Map.of("conversation_id", "talk-3",
                    "user_id", alice));
            assertThat(forgotten.getInteger("turns_forgotten")).isEqualTo(4);

            JsonObject again = awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of("messages", TALK,
                    "session_id", "talk-3", "user_id", alice)));
            assertThat(again.getString("state")).isEqualTo("done");
            assertThat(mcp.ok("search_conversations", Map.of("query", "Kafka talk", "user_id", alice))
                    .getInteger("count")).isZero();
            assertThat(mcp.error("forget_conversation", Map.of("conversation_id", "never-read", "user_id", alice)))
                    .isEqualTo("No conversation with id never-read for " + alice + ".");
        }
    }

    @Test
    void conversationsArePrivateAndSecretsAreNeverKept() throws InterruptedException {
        String alice = user();
        String bob = user();
        try (McpCalls mcp = new McpCalls()) {
            awaitLearned(mcp, alice, mcp.ok("learn_from_conversation", Map.of("user_id", alice, "session_id", "deploy",
                    "messages", List.of(Map.of("role", "user", "content", "Deploy staging with the GitHub token "
                            + "ghp_8Jk2LmN4pQ6rS8tU0vW2xY4zA6bC8dE0fG2h please")))));

            JsonObject found = mcp.ok("search_conversations", Map.of("query", "deploy staging github token",
                    "user_id", alice));
            assertThat(found.getJsonArray("turns").getJsonObject(0).getString("text"))
                    .isEqualTo("Deploy staging with the GitHub token [redacted: GitHub token] please");
            assertThat(mcp.ok("search_conversations", Map.of("query", "ghp_8Jk2LmN4pQ6rS8tU0vW2xY4zA6bC8dE0fG2h",
                    "user_id", alice)).getJsonArray("turns").encode()).doesNotContain("ghp_8Jk2");
            assertThat(mcp.ok("search_conversations", Map.of("query", "deploy staging github token",
                    "user_id", bob)).getInteger("count")).isZero();
        }
    }

    @Test
    void badConversationsAreRefusedWithTheFieldAndTheLimit() {
        try (McpCalls mcp = new McpCalls()) {
            assertThat(mcp.error("learn_from_conversation", Map.of("messages", List.of())))
                    .contains("messages").contains("must not be empty");
            assertThat(mcp.error("learn_from_conversation", Map.of("messages", List.of(Map.of("role", "narrator",
                    "content", "Once upon a time")))))
                    .contains("messages[0].role").contains("must be user, assistant, system or tool");
            assertThat(mcp.error("learn_from_conversation", Map.of("messages", List.of(said("user", "Hello",
                    "last Friday")))))
                    .contains("messages[0].timestamp must be an ISO-8601 time");
            List<Map<String, Object>> tooMany = new ArrayList<>();
            for (int i = 0; i <= CaptureMcp.MESSAGES_MAX; i++) {
                tooMany.add(Map.of("role", "user", "content", "m" + i));
            }
            assertThat(mcp.error("learn_from_conversation", Map.of("messages", tooMany)))
                    .contains("messages").contains("5000");
            assertThat(mcp.error("get_learning_job", Map.of("job_id", "no-such-job")))
                    .startsWith("No learning job no-such-job for ");
        }
    }
}
