package dev.lore.local;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls a tool of this user's shared local Lore the way an MCP client launched over stdio would, through a
 * {@link StdioFront} in this process: a session of its own (the handshake, the call, the end), with the front's
 * token, its restart of a server that died, and no HTTP client to warm up, which is what keeps a command that a client
 * hook runs after every answer quick.
 */
public final class LocalToolCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROTOCOL_VERSION = "2025-06-18";

    private final LocalServers servers;
    private final String clientName;
    private final String clientVersion;

    public LocalToolCalls(LocalServers servers, String clientName, String clientVersion) {
        this.servers = servers;
        this.clientName = clientName;
        this.clientVersion = clientVersion;
    }

    /**
     * The structured content of the tool's answer.
     *
     * @throws IllegalStateException when the tool answers with an error, or Lore cannot be reached: its message says
     *         which
     */
    public JsonNode call(String tool, Map<String, Object> arguments) throws IOException {
        ObjectNode initialize = request(1, "initialize");
        ObjectNode params = initialize.putObject("params").put("protocolVersion", PROTOCOL_VERSION);
        params.putObject("capabilities");
        params.putObject("clientInfo").put("name", clientName).put("version", clientVersion);
        ObjectNode initialized = JSON.createObjectNode().put("jsonrpc", "2.0").put("method",
                "notifications/initialized");
        ObjectNode call = request(2, "tools/call");
        call.putObject("params").put("name", tool).set("arguments", JSON.valueToTree(arguments));

        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        ByteArrayOutputStream problems = new ByteArrayOutputStream();
        String session = initialize + "\n" + initialized + "\n" + call + "\n";
        int exit = new StdioFront(servers, new PrintStream(answers, true, StandardCharsets.UTF_8),
                new PrintStream(problems, true, StandardCharsets.UTF_8), false)
                .run(new ByteArrayInputStream(session.getBytes(StandardCharsets.UTF_8)));
        for (String line : answers.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode answer = line.isBlank() ? null : JSON.readTree(line);
            if (answer != null && answer.path("id").asInt() == 2) {
                return structured(tool, answer);
            }
        }
        throw new IllegalStateException("Lore did not answer " + tool + (exit == 0 ? "" : " (exit " + exit + ")")
                + ": " + problems.toString(StandardCharsets.UTF_8).strip());
    }

    private static JsonNode structured(String tool, JsonNode answer) {
        if (answer.has("error")) {
            throw new IllegalStateException(tool + ": " + answer.path("error").path("message").asText());
        }
        JsonNode result = answer.path("result");
        if (result.path("isError").asBoolean()) {
            throw new IllegalStateException(result.path("content").path(0).path("text").asText());
        }
        return result.path("structuredContent");
    }

    private static ObjectNode request(int id, String method) {
        return JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id).put("method", method);
    }
}
