package dev.lore.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Finds, and starts when there is none, the shared local Lore of this user and this configuration: one process per
 * store and settings, whatever number of clients use it, so one embedding model and one writer serve them all. Its
 * files live in a folder only the user may open ({@code ~/.lore/run}, or {@code LORE_LOCAL_RUN_DIR}): another user's
 * Lore can neither read its token nor be mistaken for it. Fronts that find none at once take a lock before starting
 * one, so two clients launched together start one server.
 */
public final class LocalServers {

    static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofMillis(50);
    /** The settings that make two servers differ: a client configured otherwise gets a server of its own. */
    private static final List<String> SETTING_PREFIXES = List.of("LORE_", "QUARKUS_", "lore.", "quarkus.");
    static final String TOKEN_VARIABLE = "LORE_LOCAL_TOKEN";
    static final String RUN_FILE_VARIABLE = "LORE_LOCAL_RUN_FILE";
    /** How a Lore that could not start says why (see the {@code lore} command). */
    private static final String SERVER_FAILURE = "lore: could not start: ";

    private final Path runDir;
    private final String key;
    private final Supplier<List<String>> serverCommand;

    LocalServers(Path runDir, String key, Supplier<List<String>> serverCommand) {
        this.runDir = runDir;
        this.key = key;
        this.serverCommand = serverCommand;
    }

    /** The shared server of this process's user, version and settings, launched the way this process was. */
    public static LocalServers forThisProcess(String version) {
        return new LocalServers(runDir(), keyOf(version), LocalServers::serverCommand);
    }

    /** Where this user's shared servers keep their runtime files and logs. */
    public static Path runDir() {
        String runDir = setting("lore.local.run-dir", "LORE_LOCAL_RUN_DIR");
        Path dir = runDir == null ? Path.of(System.getProperty("user.home"), ".lore", "run") : Path.of(runDir);
        return dir.toAbsolutePath();
    }

    /**
     * The runtime files of this user's shared servers (one per version and settings), whether their process still runs
     * or not.
     */
    public static List<RuntimeFile> onFile() {
        try (Stream<Path> files = Files.list(runDir())) {
            return files.filter(file -> file.getFileName().toString().endsWith(".properties")).sorted()
                    .map(RuntimeFile::read).flatMap(Optional::stream).toList();
        } catch (IOException e) {
            return List.of(); // no folder yet: no server was ever started
        }
    }

    public Path runFile() {
        return runDir.resolve(key + ".properties");
    }

    /** Where the front keeps the server's last answer to a handshake, to answer the next while the server starts. */
    public Path handshakeFile() {
        return runDir.resolve(key + ".handshake");
    }

    public Path logFile() {
        return runDir.resolve(key + ".log");
    }

    /** The server on file, when its process runs and it listens. */
    public Optional<RuntimeFile> running() {
        return RuntimeFile.read(runFile()).filter(known -> known.processAlive() && listens(known.port()));
    }

    /**
     * The running server, started when there is none or the one on file no longer answers.
     *
     * @param refused a server this front found that did not take its token: another process holds that port now
     */
    public RuntimeFile ensure(RuntimeFile refused) {
        RuntimeFile running = RuntimeFile.read(runFile()).orElse(null);
        if (refused == null && running != null && running.processAlive()) {
            return running; // the common case, without a lock: a message it cannot take sends the front here again
        }
        try {
            prepareRunDir();
            try (FileChannel lock = FileChannel.open(runDir.resolve(key + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = lock.lock()) {
                RuntimeFile known = RuntimeFile.read(runFile()).orElse(null);
                if (known != null && !known.equals(refused) && known.processAlive() && listens(known.port())) {
                    return known;
                }
                Files.deleteIfExists(runFile());
                return start();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Lore's local server (" + runDir + "): " + e.getMessage(), e);
        }
    }

    private RuntimeFile start() throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ProcessBuilder builder = new ProcessBuilder(serverCommand.get());
        builder.environment().put(TOKEN_VARIABLE, token);
        builder.environment().put(RUN_FILE_VARIABLE, runFile().toString());
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
        long logStart = Files.exists(logFile()) ? Files.size(logFile()) : 0;
        Process server = builder.start();
        server.getOutputStream().close();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            RuntimeFile started = RuntimeFile.read(runFile()).orElse(null);
            if (started != null && started.token().equals(token) && listens(started.port())) {
                return started;
            }
            if (!server.isAlive()) {
                throw new IllegalStateException(startFailure(logStart));
            }
            sleep(POLL);
        }
        server.destroy();
        throw new IllegalStateException("Lore's local server did not start within " + START_TIMEOUT.toSeconds()
                + " s (its log: " + logFile() + ")");
    }

    /** What the server said before it stopped: its own reason ("lore: could not start: ..."), when it gave one. */
    private String startFailure(long logStart) throws IOException {
        byte[] log = Files.readAllBytes(logFile());
        String said = new String(log, (int) Math.min(logStart, log.length), (int) (log.length - Math.min(logStart,
                log.length)), StandardCharsets.UTF_8);
        int reason = said.lastIndexOf(SERVER_FAILURE);
        return reason < 0 ? "Lore's local server stopped before it served (its log: " + logFile() + ")"
                : said.substring(reason + SERVER_FAILURE.length()).strip();
    }

    private void prepareRunDir() throws IOException {
        Files.createDirectories(runDir);
        keepPrivate(runDir, "rwx------");
    }

    /** Lets only the user reach the file; where files have no POSIX permissions, the user's home already keeps them. */
    static void keepPrivate(Path file, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions (Windows): the profile folder is the user's own
        }
    }

    static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * What tells this process's server apart from others: the Lore version, and every Lore and Quarkus setting in its
     * environment and system properties (the store, the user, the model, the search weights...).
     */
    static String keyOf(String version) {
        Map<String, String> settings = new TreeMap<>();
        System.getenv().forEach((name, value) -> {
            if (SETTING_PREFIXES.stream().anyMatch(name::startsWith) && !name.startsWith("LORE_LOCAL_")) {
                settings.put(name, value);
            }
        });
        System.getProperties().forEach((name, value) -> {
            if (SETTING_PREFIXES.stream().anyMatch(((String) name)::startsWith)
                    && !((String) name).startsWith("lore.local.")) {
                settings.put((String) name, (String) value);
            }
        });
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(version.getBytes(StandardCharsets.UTF_8));
            settings.forEach((name, value) -> digest.update(("\n" + name + "=" + value).getBytes(StandardCharsets.UTF_8)));
            return "lore-" + HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The command that starts the server: this JVM, with its options, running this jar's {@code serve}. */
    private static List<String> serverCommand() {
        return commandOfThisProcess("serve");
    }

    /** The command that runs Lore again with other arguments: this JVM, with its options, and this jar. */
    public static List<String> commandOfThisProcess(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        String launched = System.getProperty("sun.java.command", "").split(" ")[0];
        if (launched.endsWith(".jar")) {
            command.add("-jar");
            command.add(Path.of(launched).toAbsolutePath().toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(launched);
        }
        command.addAll(List.of(arguments));
        return command;
    }

    private static String setting(String property, String variable) {
        String value = System.getProperty(property, System.getenv(variable));
        return value == null || value.isBlank() ? null : value;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
