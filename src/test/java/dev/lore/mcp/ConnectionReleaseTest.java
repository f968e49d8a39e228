package dev.lore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.testing.McpCalls;
import dev.lore.testing.Namespaces;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Every tool call gives its database connections back: a held one per call would drain the pool within minutes. */
@QuarkusTest
class ConnectionReleaseTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void noConnectionIsHeldAfterTheCallsOfEveryStore() throws InterruptedException {
        String ns = Namespaces.fresh();
        String user = "user-" + ns;
        try (McpCalls mcp = new McpCalls()) {
            for (int round = 0; round < 3; round++) {
                // writes back to back, so each one finds the others' changes still to read into the vector index
                mcp.ok("save_learning", Map.of("namespace", ns, "title", "Round " + round, "learning",
                        "Batch jobs on round " + round + " need a retry budget"));
                mcp.ok("save_memory", Map.of("user_id", user, "memory", "Prefers tea in round " + round));
                mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Acme", "fact",
                        "Acme ships release " + round));
                mcp.ok("relate_entities", Map.of("namespace", ns, "from", "Acme", "relation", "uses", "to", "Kafka"));
                mcp.error("save_entity_fact", Map.of("namespace", ns, "entity", "Initrode", "fact", "x",
                        "aliases", List.of("acme")));
                mcp.ok("log_decision", Map.of("namespace", ns, "decision", "Use Kafka " + round, "reasoning",
                        "It keeps the order of events"));
                mcp.ok("update_profile", Map.of("user_id", user, "fields", Map.of("role", "engineer " + round)));
                mcp.ok("update_session_context", Map.of("session_id", ns, "progress", List.of("step " + round)));
                mcp.ok("search_learnings", Map.of("namespace", ns, "query", "retry budget"));
                mcp.ok("search_memories", Map.of("user_id", user, "query", "tea"));
                mcp.ok("get_entity", Map.of("namespace", ns, "entity", "acme"));
                mcp.ok("search_entities", Map.of("namespace", ns, "query", "release"));
                mcp.ok("search_decisions", Map.of("namespace", ns, "query", "kafka"));
            }
        }
        assertThat(activeAfterSettling()).as("connections still held after the calls").isZero();
    }

    /** The pool's count of connections in use, once the last response's request has ended. */
    private long activeAfterSettling() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2_000;
        long active = dataSource.getMetrics().activeCount();
        while (active > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            active = dataSource.getMetrics().activeCount();
        }
        return active;
    }
}
