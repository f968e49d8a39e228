package dev.lore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lore.testing.McpCalls;
import io.quarkus.test.junit.QuarkusTest;

/** A secret in anything an agent saves is redacted before it is stored: strings, lists, maps and records alike. */
@QuarkusTest
class SecretsNeverStoredTest {

    static final String KEY = "sk-proj-4fG7hJ9kL2mN5pQ8rS1tV4wX7yZ0aB3cD6eF9gH2jK5";
    static final String TOKEN = "ghp_8Jk2LmN4pQ6rS8tU0vW2xY4zA6bC8dE0fG2h";

    @Test
    void savesOfEveryStoreKeepNoSecret() {
        String user = "user-" + UUID.randomUUID().toString().substring(0, 8);
        String namespace = "secrets-" + UUID.randomUUID().toString().substring(0, 8);
        String session = "s-" + UUID.randomUUID();
        try (McpCalls mcp = new McpCalls()) {
            String learning = mcp.ok("save_learning", Map.of("title", "Deploying staging", "learning",
                    "Staging deploys read OPENAI_API_KEY=" + KEY + " from the vault", "namespace", namespace))
                    .encode();
            String memory = mcp.ok("save_memory", Map.of("user_id", user, "memory", "Alice's GitHub token is "
                    + TOKEN)).encode();
            String profile = mcp.ok("update_profile", Map.of("user_id", user, "fields", Map.of("preferences",
                    Map.of("deploy", "with " + KEY)))).encode();
            String decision = mcp.ok("log_decision", Map.of("decision", "Rotate the deploy key", "reasoning",
                    "The old one, " + KEY + ", leaked in a log", "alternatives", List.of("keep " + TOKEN),
                    "namespace", namespace)).encode();
            String context = mcp.ok("update_session_context", Map.of("session_id", session, "plan", List.of(Map.of(
                    "step", "revoke " + TOKEN, "state", "todo")))).encode();

            for (String saved : List.of(learning, memory, profile, decision, context)) {
                assertThat(saved).doesNotContain("sk-proj-4fG7", "ghp_8Jk2").contains("[redacted: ");
            }
            assertThat(mcp.ok("search_learnings", Map.of("query", "staging deploy key", "namespace", namespace))
                    .getJsonArray("results").getJsonObject(0).encode())
                    .contains("Staging deploys read OPENAI_API_KEY=[redacted: OpenAI key] from the vault");
            assertThat(mcp.ok("get_session_context", Map.of("session_id", session)).encode())
                    .contains("revoke [redacted: GitHub token]");
        }
    }
}
