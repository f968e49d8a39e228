package dev.lore.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.vertx.core.json.JsonObject;

/** One tool call at a time through the quarkus-mcp-server test client (Streamable HTTP), for store tests. */
public final class McpCalls implements AutoCloseable {

    private final McpStreamableTestClient client;

    public McpCalls() {
        client = McpAssured.newConnectedStreamableClient();
    }

    /** Calls as the MCP client of this name: Lore knows agents by their client's name. */
    public McpCalls(String clientName) {
        client = McpAssured.newStreamableClient().setName(clientName).build().connect();
    }

    public ToolResponse call(String tool, Map<String, Object> arguments) {
        AtomicReference<ToolResponse> response = new AtomicReference<>();
        client.when().toolsCall(tool, arguments, response::set).thenAssertResults();
        return response.get();
    }

    /** The structured content of a successful call; fails with the tool's message otherwise. */
    public JsonObject ok(String tool, Map<String, Object> arguments) {
        ToolResponse response = call(tool, arguments);
        if (response.isError()) {
            throw new AssertionError(tool + " failed: " + text(response));
        }
        return (JsonObject) response.structuredContent();
    }

    /** The message of a call that must fail as a tool error. */
    public String error(String tool, Map<String, Object> arguments) {
        ToolResponse response = call(tool, arguments);
        if (!response.isError()) {
            throw new AssertionError(tool + " should have failed but answered: " + text(response));
        }
        return text(response);
    }

    /**
     * The tool called by several agents at the same moment, each over its own MCP connection, agent i with the
     * arguments {@code arguments.apply(i)}; the structured content of each call, in the agents' order.
     */
    public static List<JsonObject> atOnce(int agents, String tool, IntFunction<Map<String, Object>> arguments)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(agents);
        CyclicBarrier together = new CyclicBarrier(agents);
        try {
            List<Future<JsonObject>> calls = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                int agent = i;
                calls.add(pool.submit(() -> {
                    try (McpCalls mcp = new McpCalls()) {
                        together.await();
                        return mcp.ok(tool, arguments.apply(agent));
                    }
                }));
            }
            List<JsonObject> replies = new ArrayList<>();
            for (Future<JsonObject> call : calls) {
                replies.add(call.get());
            }
            return replies;
        } finally {
            pool.shutdown();
        }
    }

    /** The text of the recall prompt for these arguments. */
    public String recall(Map<String, String> arguments) {
        AtomicReference<String> text = new AtomicReference<>();
        client.when().promptsGet("recall", arguments,
                response -> text.set(response.messages().get(0).content().asText().text())).thenAssertResults();
        return text.get();
    }

    public static String text(ToolResponse response) {
        return response.content().get(0).asText().text();
    }

    public McpStreamableTestClient client() {
        return client;
    }

    @Override
    public void close() {
        client.disconnect();
    }
}
