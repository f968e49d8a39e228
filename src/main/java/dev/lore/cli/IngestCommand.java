package dev.lore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.lore.capture.CapturedTurn;
import dev.lore.capture.HookPayload;
import dev.lore.capture.LearningJobView;
import dev.lore.capture.Transcript;
import dev.lore.local.LocalServers;
import dev.lore.local.LocalToolCalls;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code lore ingest}: hands a conversation to Lore to learn from, through its {@code learn_from_conversation} tool,
 * and returns as soon as Lore has queued it. It boots no Quarkus, no database and no model of its own: it reads the
 * transcript here (secrets are redacted before it leaves) and hands it to this user's shared local Lore (started when
 * none runs), or to a remote one with {@code --server}. That keeps a client hook that runs it after every answer cheap.
 */
@Command(name = "ingest", description = "Learn from a conversation: a Claude Code transcript (JSON Lines) or a JSON "
        + "list of {role, content, timestamp} messages, from a file, standard input, or a client hook. Only messages "
        + "Lore has not read yet are learned from; the learning happens in the background.")
@RegisterForReflection
public class IngestCommand implements Callable<Integer> {

    /** What a transcript longer than this hands over: its latest messages (earlier hooks handed the others). */
    static final int MESSAGES_MAX = 5000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The conversation: a file, or - (the default) for standard input.")
    String file;

    @Option(names = "--hook", description = "Standard input is a client hook's JSON (session_id, transcript_path, "
            + "...): learn from the transcript it names. Never fails the client's turn: problems are said on stderr "
            + "and exit with 1.")
    boolean hook;

    @Option(names = "--session", paramLabel = "ID", description = "The conversation's id (default: the one the "
            + "transcript or hook names; required for plain messages).")
    String session;

    @Option(names = "--user", paramLabel = "USER", description = "Whose conversation (default: the Lore's user).")
    String user;

    @Option(names = "--server", paramLabel = "URL", description = "A remote Lore's MCP endpoint "
            + "(https://lore.example.com/mcp) instead of this user's local one.")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", description = "The bearer token for --server "
            + "(default: the LORE_TOKEN environment variable).")
    String token;

    @Option(names = "--wait", description = "Wait until Lore has learned from the conversation, and say what it "
            + "learned.")
    boolean await;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long --wait waits (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** The transcript a hook named. */
    private String transcriptPath;

    @Override
    public Integer call() {
        try {
            return ingest();
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("lore ingest: " + e.getMessage());
            return hook ? 1 : 2;
        } catch (RuntimeException e) {
            System.err.println("lore ingest: " + Lore.reasons(e));
            return 1;
        }
    }

    private int ingest() throws IOException {
        String conversationId = session;
        Transcript transcript;
        if (hook) {
            HookPayload payload = HookPayload.read(read(System.in));
            transcriptPath = payload.transcriptPath();
            transcript = Transcript.read(readFile(transcriptPath));
            conversationId = conversationId != null ? conversationId : payload.sessionId();
        } else {
            transcript = Transcript.read(file == null || file.equals("-") ? read(System.in) : readFile(file));
        }
        conversationId = conversationId != null ? conversationId : transcript.conversationId();
        if (conversationId == null || conversationId.isBlank()) {
            throw new IllegalArgumentException("The conversation names no id: give one with --session");
        }
        if (transcript.turns().isEmpty()) {
            if (!hook) {
                System.out.println("Nothing to learn from: the conversation holds no message of the user or the "
                        + "assistant.");
            }
            return 0;
        }
        if (hook && server == null && Lore.localServers().running().isEmpty()) {
            return handOverOnceStarted(conversationId);
        }
        String agent = transcript.conversationId() != null ? "claude-code" : "lore-ingest";
        try (ToolCalls lore = connect(agent)) {
            JsonNode job = lore.call("learn_from_conversation", arguments(conversationId, transcript.turns()));
            if (await) {
                job = awaitLearned(lore, job.path("job_id").asText());
            }
            if (!hook) {
                System.out.println(JSON.treeToValue(job, LearningJobView.class).toText());
            }
            return "failed".equals(job.path("state").asText()) ? 1 : 0;
        }
    }

    /**
     * A hook that finds no shared Lore running does not wait for one to start (seconds of a client's turn): a
     * detached {@code lore ingest} of the same transcript starts it and hands the conversation over, and this returns.
     * Should that fail, the conversation's next hook hands over its messages again.
     */
    private int handOverOnceStarted(String conversationId) throws IOException {
        List<String> command = new ArrayList<>(LocalServers.commandOfThisProcess("ingest", "--session",
                conversationId));
        if (user != null) {
            command.addAll(List.of("--user", user));
        }
        command.add(transcriptPath);
        Path log = LocalServers.runDir().resolve("ingest.log");
        Files.createDirectories(log.getParent());
        Process detached = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        detached.getOutputStream().close();
        return 0;
    }

    private Map<String, Object> arguments(String conversationId, List<CapturedTurn> turns) {
        List<Map<String, Object>> messages = new ArrayList<>();
        for (CapturedTurn turn : turns.subList(Math.max(0, turns.size() - MESSAGES_MAX), turns.size())) {
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("role", turn.role());
            message.put("content", turn.text());
            message.put("id", turn.key());
            if (turn.occurredAt() != null) {
                message.put("timestamp", turn.occurredAt().toString());
            }
            messages.add(message);
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("messages", messages);
        arguments.put("session_id", conversationId);
        if (user != null) {
            arguments.put("user_id", user);
        }
        return arguments;
    }

    private JsonNode awaitLearned(ToolCalls lore, String jobId) throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("job_id", jobId);
        if (user != null) {
            arguments.put("user_id", user);
        }
        while (true) {
            JsonNode job = lore.call("get_learning_job", arguments);
            String state = job.path("state").asText();
            if (state.equals("done") || state.equals("failed") || System.nanoTime() > deadline) {
                return job;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
        }
    }

    /** Where the conversation goes: a tool of this user's local Lore, or of the remote one named. */
    private interface ToolCalls extends AutoCloseable {
        /** The structured content of the tool's answer; throws with the tool's message when it fails. */
        JsonNode call(String tool, Map<String, Object> arguments) throws IOException;

        @Override
        void close();
    }

    private ToolCalls connect(String agent) {
        if (server == null) {
            LocalToolCalls local = new LocalToolCalls(Lore.localServers(), agent, Lore.Version.number());
            return new ToolCalls() {
                @Override
                public JsonNode call(String tool, Map<String, Object> arguments) throws IOException {
                    return local.call(tool, arguments);
                }

                @Override
                public void close() {
                }
            };
        }
        String bearer = token != null ? token : System.getenv("LORE_TOKEN");
        McpClient remote = new DefaultMcpClient.Builder()
                .clientName(agent)
                .clientVersion(Lore.Version.number())
                .transport(new StreamableHttpMcpTransport.Builder().url(server)
                        .customHeaders(bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer))
                        .timeout(Duration.ofSeconds(60)).build())
                .initializationTimeout(Duration.ofSeconds(60))
                .toolExecutionTimeout(Duration.ofSeconds(60))
                .build();
        return new ToolCalls() {
            @Override
            public JsonNode call(String tool, Map<String, Object> arguments) throws IOException {
                ToolExecutionResult result = remote.executeTool(ToolExecutionRequest.builder().id(tool).name(tool)
                        .arguments(JSON.writeValueAsString(arguments)).build());
                if (result.isError()) {
                    throw new IllegalStateException(result.resultText());
                }
                return result.result() instanceof String json ? JSON.readTree(json)
                        : JSON.valueToTree(result.result());
            }

            @Override
            public void close() {
                try {
                    remote.close();
                } catch (Exception e) {
                    // the session ends with the process anyway
                }
            }
        };
    }

    private static String readFile(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the conversation at " + path + " ("
                    + (e instanceof NoSuchFileException ? "no such file" : e.getMessage()) + ")");
        }
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
