package dev.lore.testing;

import java.time.Duration;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/** Conversations handed to learn_from_conversation, and waiting for the background worker to learn from them. */
public final class LearningJobs {

    private LearningJobs() {
    }

    /** One message of a conversation, as the tool takes it. */
    public static Map<String, Object> said(String role, String content, String timestamp) {
        return Map.of("role", role, "content", content, "timestamp", timestamp);
    }

    /** Asks until the job is done or failed (the worker looks every second); answers its last state. */
    public static JsonObject awaitLearned(McpCalls mcp, String user, JsonObject queued) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonObject job = queued;
        while (!job.getString("state").equals("done") && !job.getString("state").equals("failed")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
            job = mcp.ok("get_learning_job", Map.of("job_id", queued.getString("job_id"), "user_id", user));
        }
        return job;
    }
}
