package dev.lore.testing;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;
import io.vertx.core.json.JsonObject;

/** One tool call at a time through the quarkus-mcp-server test client (Streamable HTTP), for store tests. */
public final class McpCalls implements AutoCloseable {

    private final McpStreamableTestClient client = McpAssured.newConnectedStreamableClient();

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
