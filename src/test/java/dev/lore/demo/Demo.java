package dev.lore.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpGetPromptResult;
import dev.langchain4j.mcp.client.McpTextContent;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;

/**
 * {@code make demo}: plays the seed's story against the packaged server over stdio, with a fresh store in a temporary
 * folder, through langchain4j's MCP client, and prints the exchange.
 */
public final class Demo {

    private final Path store;

    private Demo(Path store) {
        this.store = store;
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createTempDirectory("lore-demo-");
        try {
            new Demo(folder.resolve("lore.db")).play();
        } finally {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void play() throws Exception {
        say("Lore demo: one engineer's discovery helps the next one; an agent that remembers who you are");
        say("Store: a fresh embedded store at " + store);

        heading("Session 1 (Monday): engineer-1 and their agent");
        try (McpClient agent = launch("engineer-1")) {
            say("engineer-1: We're trying to reduce our cloud egress costs; remember that for the team.");
            call(agent, "save_learning", "title", "Reduce cloud egress costs",
                    "learning", "We're trying to reduce our cloud egress costs",
                    "context", "Cost review of the data platform", "tags", List.of("cloud", "cost"));
        }

        heading("Session 2 (a week later): engineer-2, another agent, a new Lore process");
        try (McpClient agent = launch("engineer-2")) {
            say("engineer-2: I'm picking a cloud provider for a data pipeline. Key considerations?");
            call(agent, "search_learnings",
                    "query", "I'm picking a cloud provider for a data pipeline. Key considerations?");
        }
        say("");
        say("engineer-2's agent now knows what the team is optimising for before it answers.");

        heading("Level 1, session 1: Alice introduces herself");
        try (McpClient agent = launch("alice")) {
            say("alice: Hi! I'm Alice Chen, staff engineer at Acme, leading the billing migration to Postgres. "
                    + "Keep answers short, please.");
            call(agent, "update_profile", "fields", Map.of("name", "Alice Chen", "preferred_name", "Alice",
                    "role", "staff engineer", "company", "Acme", "preferences", Map.of("verbosity", "concise")));
            call(agent, "save_memory", "memory", "Alice is leading the migration of billing to Postgres",
                    "topics", List.of("work"));
        }

        heading("Level 1, session 2 (the next day): a new session, a new Lore process");
        try (McpClient agent = launch("alice")) {
            say("alice: Morning! Where were we with the billing migration?");
            call(agent, "get_profile");
            say("  agent -> prompt recall {\"query\":\"billing migration\"}");
            McpGetPromptResult recall = agent.getPrompt("recall", Map.of("query", "billing migration"));
            say("  lore  <- " + ((McpTextContent) recall.messages().get(0).content()).text().strip()
                    .replace("\n", "\n           "));
        }
        say("");
        say("The agent greets Alice by name, knows her role and her work, and keeps it short.");
    }

    private McpClient launch(String user) {
        return new DefaultMcpClient.Builder()
                .clientName(user + "-agent")
                .transport(new StdioMcpTransport.Builder()
                        .command(LoreProcess.command())
                        .environment(Map.of("LORE_DB_PATH", store.toString(), "LORE_USER", user))
                        .build())
                .build();
    }

    private static void call(McpClient agent, String tool, Object... arguments) {
        String json = Json.object(arguments);
        say("  agent -> " + tool + " " + json);
        JsonNode answer = Json.parse(agent.executeTool(
                ToolExecutionRequest.builder().id(tool).name(tool).arguments(json).build()).resultText());
        if (answer.has("message")) {
            say("  lore  <- " + answer.path("message").asText());
            return;
        }
        if (answer.has("user_id")) {
            say("  lore  <- profile of " + answer.path("user_id").asText() + ": " + answer.path("name").asText() + ", "
                    + answer.path("role").asText() + " at " + answer.path("company").asText() + "; prefers "
                    + answer.path("preferences").path("verbosity").asText() + " answers");
            return;
        }
        say("  lore  <- " + answer.path("count").asInt() + " learning(s) found:");
        for (JsonNode result : answer.path("results")) {
            say("           \"" + result.path("text").asText() + "\" (" + result.path("title").asText() + ", saved by "
                    + result.path("author").asText() + " on " + result.path("created_at").asText().substring(0, 10)
                    + ", score " + result.path("score").asDouble() + ", matched " + result.path("matched_terms") + ")");
        }
    }

    private static void heading(String text) {
        say("");
        say("== " + text + " " + "=".repeat(Math.max(3, 100 - text.length())));
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
