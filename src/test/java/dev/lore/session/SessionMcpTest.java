package dev.lore.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.lore.testing.McpCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class SessionMcpTest {

    static String session() {
        return "session-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSessionKeepsItsGoalsPlanAndProgress() {
        String session = session();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("update_session_context", Map.of("session_id", session, "summary", "Migrating billing to Postgres",
                    "goals", List.of("no downtime", "keep invoices identical"),
                    "plan", List.of(Map.of("step", "dual-write", "state", "doing"),
                            Map.of("step", "backfill", "state", "todo")),
                    "progress", List.of("schema created")));
            JsonObject after = mcp.ok("update_session_context", Map.of("session_id", session,
                    "plan", List.of(Map.of("step", "dual-write", "state", "done"),
                            Map.of("step", "backfill", "state", "doing")),
                    "progress", List.of("dual-write live"), "open_questions", List.of("who signs off the cut-over?")));

            assertThat(after.getString("summary")).as("untouched").isEqualTo("Migrating billing to Postgres");
            assertThat(after.getJsonArray("goals").getList()).containsExactly("no downtime", "keep invoices identical");
            assertThat(after.getJsonArray("plan").getJsonObject(0).getString("state")).isEqualTo("done");
            assertThat(after.getJsonArray("progress")).hasSize(2);
            assertThat(after.getJsonArray("progress").getJsonObject(1).getString("note")).isEqualTo("dual-write live");

            JsonObject read = mcp.ok("get_session_context", Map.of("session_id", session));
            assertThat(read.getJsonArray("open_questions").getList()).containsExactly("who signs off the cut-over?");
            mcp.client().when().resourcesRead("lore://sessions/" + session, response -> assertThat(
                    response.contents().get(0).asText().text()).contains("[done] dual-write", "[doing] backfill",
                            "Migrating billing to Postgres")).thenAssertResults();
        }
    }

    @Test
    void agentsNotingProgressAtOnceKeepEveryNote() throws Exception {
        for (int round = 0; round < 5; round++) {
            String session = session();
            for (String phase : List.of("start", "then")) {
                McpCalls.atOnce(4, "update_session_context", agent -> Map.of("session_id", session,
                        "progress", List.of(phase + ": step " + agent + " done")));
            }

            try (McpCalls mcp = new McpCalls()) {
                assertThat(mcp.ok("get_session_context", Map.of("session_id", session)).getJsonArray("progress")
                        .stream().map(note -> ((JsonObject) note).getString("note")))
                        .as("the notes of agents creating the session at once, then updating it at once")
                        .containsExactlyInAnyOrder("start: step 0 done", "start: step 1 done", "start: step 2 done",
                                "start: step 3 done", "then: step 0 done", "then: step 1 done", "then: step 2 done",
                                "then: step 3 done");
            }
        }
    }

    @Test
    void withoutASessionIdTheMcpSessionIsUsed() {
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("update_session_context", Map.of("summary", "scratch work"));
            assertThat(mcp.ok("get_session_context", Map.of()).getString("summary")).isEqualTo("scratch work");
        }
        try (McpCalls another = new McpCalls()) {
            assertThat(another.ok("get_session_context", Map.of()).containsKey("summary"))
                    .as("a new MCP session starts empty").isFalse();
        }
    }

    @Test
    void sessionsDoNotSeeEachOther() {
        String first = session();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("update_session_context", Map.of("session_id", first, "summary", "first"));
            assertThat(mcp.ok("get_session_context", Map.of("session_id", session())).containsKey("summary")).isFalse();
            assertThat(McpCalls.text(mcp.call("get_session_context", Map.of("session_id", session()))))
                    .contains("No context recorded");
        }
    }

    @Test
    void invalidInputIsNamed() {
        try (McpCalls mcp = new McpCalls()) {
            assertThat(mcp.error("update_session_context", Map.of("session_id", session())))
                    .contains("give at least one of summary, goals, plan, progress or open_questions");
            assertThat(mcp.error("update_session_context", Map.of("plan", List.of(Map.of("step", "x", "state", "blocked")))))
                    .contains("plan[0].state must be todo, doing or done");
        }
    }
}
