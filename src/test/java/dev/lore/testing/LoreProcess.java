package dev.lore.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;

/** The packaged Lore server (target/quarkus-app) as a real process, the way MCP clients run it. */
public final class LoreProcess implements AutoCloseable {

    private static final Path APP = Path.of(System.getProperty("lore.app.dir", "target/quarkus-app"));

    private final Process process;
    private final int port;
    private final Path log;

    private LoreProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The command line that starts Lore with these arguments, on the JVM running the tests. */
    public static List<String> command(String... args) {
        Path jar = APP.resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No packaged Lore at " + jar + ": protocol tests run after `package`");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** Lore over stdio with raw pipes: for tests that look at the bytes on stdout. Stderr goes to a log file. */
    public static LoreProcess stdio(TestStores.Store store, Map<String, String> extraEnvironment, String... args) {
        ProcessBuilder builder = new ProcessBuilder(command(args));
        builder.environment().putAll(store.environment());
        builder.environment().putAll(extraEnvironment);
        Path log = logFile("stdio");
        builder.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new LoreProcess(start(builder), -1, log);
    }

    /**
     * Lore serving Streamable HTTP and SSE on a free port, answering without a token ({@code --insecure-local});
     * returns once it accepts connections.
     */
    public static LoreProcess http(TestStores.Store store) {
        return http(store, Map.of());
    }

    /** Lore serving HTTP on a free port without a token, with more settings in its environment. */
    public static LoreProcess http(TestStores.Store store, Map<String, String> extraEnvironment) {
        return http(store, extraEnvironment, "--insecure-local");
    }

    /** Lore serving HTTP on a free port as a team deploys it: every request needs a token. */
    public static LoreProcess httpWithTokens(TestStores.Store store) {
        return httpWithTokens(store, Map.of());
    }

    /** Lore serving HTTP on a free port with tokens, with more settings in its environment. */
    public static LoreProcess httpWithTokens(TestStores.Store store, Map<String, String> extraEnvironment) {
        return http(store, extraEnvironment, new String[0]);
    }

    private static LoreProcess http(TestStores.Store store, Map<String, String> extraEnvironment, String... args) {
        int port = freePort();
        List<String> arguments = new ArrayList<>(List.of("http", "--port", Integer.toString(port)));
        arguments.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command(arguments.toArray(String[]::new)));
        builder.environment().putAll(store.environment());
        builder.environment().putAll(extraEnvironment);
        Path log = logFile("http");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        LoreProcess lore = new LoreProcess(start(builder), port, log);
        lore.awaitListening(Duration.ofSeconds(60));
        return lore;
    }

    /** What a command that runs and exits ({@code lore export}, {@code lore reembed}...) did. */
    public record Ran(int exitCode, String stdout, String stderr) {
    }

    /** Runs a command of the packaged Lore on a store to its end, with more settings in its environment. */
    public static Ran run(TestStores.Store store, Map<String, String> extraEnvironment, String... args) {
        return runWithInput(store, extraEnvironment, "", args);
    }

    /** Runs a command of the packaged Lore on a store to its end, with {@code input} on its standard input. */
    public static Ran runWithInput(TestStores.Store store, Map<String, String> extraEnvironment, String input,
            String... args) {
        try {
            Path in = Files.createTempFile("lore-command-", ".in");
            Path out = Files.createTempFile("lore-command-", ".out");
            Path err = Files.createTempFile("lore-command-", ".err");
            try {
                Files.writeString(in, input);
                ProcessBuilder builder = new ProcessBuilder(command(args)).redirectInput(in.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.environment().putAll(store.environment());
                builder.environment().putAll(extraEnvironment);
                Process lore = start(builder);
                if (!lore.waitFor(300, TimeUnit.SECONDS)) {
                    lore.destroyForcibly();
                    throw new IllegalStateException("lore " + String.join(" ", args) + " did not end within 5 min");
                }
                return new Ran(lore.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(in);
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A langchain4j MCP client that launches its own Lore over stdio. */
    public static McpClient stdioClient(TestStores.Store store, String clientName) {
        return stdioClient(store, Map.of(), clientName);
    }

    /** A langchain4j MCP client that launches its own Lore over stdio, with more settings in its environment. */
    public static McpClient stdioClient(TestStores.Store store, Map<String, String> extraEnvironment, String clientName) {
        Map<String, String> environment = new HashMap<>(store.environment());
        environment.putAll(extraEnvironment);
        return new DefaultMcpClient.Builder()
                .clientName(clientName)
                .transport(new StdioMcpTransport.Builder()
                        .command(command())
                        .environment(environment)
                        .logEvents(false)
                        .build())
                .initializationTimeout(Duration.ofSeconds(60))
                .toolExecutionTimeout(Duration.ofSeconds(60))
                .build();
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    /** What the process wrote on stderr so far (stdout too, for an HTTP server). */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OutputStream stdin() {
        return process.getOutputStream();
    }

    public BufferedReader stdout() {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Lore exited with " + process.exitValue() + " before listening");
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IllegalStateException("Lore did not listen on port " + port + " within " + timeout);
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path logFile(String kind) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "lore-processes"));
            return Files.createTempFile(logs, kind + "-", ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
