package dev.lore.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lore config <client> [--write]}: the entry that launches this Lore, printed for the client's configuration,
 * or merged into the client's own file. Writing keeps everything else the file holds (other servers, other settings),
 * makes a backup beside it first, changes nothing when the entry is already there, and refuses a file it could not
 * write back faithfully (not valid JSON or TOML, or JSON with comments).
 */
@Command(name = "config", description = "Print the entry that launches this Lore in an MCP client's configuration, "
        + "or merge it into the client's own file (--write); with --hooks, also the hooks that hand Lore every "
        + "conversation.")
@RegisterForReflection
class ConfigCommand implements Callable<Integer> {

    static final int FILE_REFUSED = 1;
    /** Claude Code's events whose hooks get the transcript: after each answer, before compacting, at the end. */
    private static final List<String> HOOK_EVENTS = List.of("Stop", "PreCompact", "SessionEnd");
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = JsonMapper.builder()
            .defaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)))
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    @Parameters(paramLabel = "CLIENT", description = "claude-desktop, claude-code, cursor, vscode or codex.")
    String clientId;

    @Option(names = "--write", description = "Merge the entry into the client's file, keeping all else it holds; a "
            + "backup of the file is kept beside it.")
    boolean write;

    @Option(names = "--file", paramLabel = "PATH", description = "The configuration file to use instead of the "
            + "client's usual one.")
    Path file;

    @Option(names = "--name", defaultValue = "lore", description = "The entry's name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--env", paramLabel = "NAME=VALUE", description = "A setting the client gives this Lore, e.g. "
            + "--env LORE_DB_PATH=/home/me/work.db (repeatable).")
    Map<String, String> environment = new LinkedHashMap<>();

    @Option(names = "--hooks", description = "Also set up the client's hooks that hand every conversation to Lore "
            + "(lore ingest --hook after each answer, before compacting and at the session's end; Claude Code only).")
    boolean hooks;

    @Option(names = "--hooks-file", paramLabel = "PATH", description = "The settings file to put the hooks in instead "
            + "of the client's usual one (~/.claude/settings.json).")
    Path hooksFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        McpClient client = McpClient.named(clientId).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "Unknown client '" + clientId + "': one of " + McpClient.ids()));
        if (hooks && client != McpClient.CLAUDE_CODE) {
            throw new ParameterException(spec.commandLine(), "--hooks: only Claude Code hands a hook its "
                    + "conversation's transcript (Cursor's stop hook carries none; " + client.title + " has no such "
                    + "hook). Agents there can hand conversations over with the learn_from_conversation tool.");
        }
        Path home = Path.of(System.getProperty("user.home"));
        Path target = file != null ? file : client.file(home, System.getProperty("os.name", "")
                .toLowerCase(Locale.ROOT), Path.of("").toAbsolutePath());
        Path settings = hooksFile != null ? hooksFile : home.resolve(".claude/settings.json");
        PrintWriter out = spec.commandLine().getOut();
        Path writing = target;
        try {
            if (!write) {
                out.println("# " + client.title + " reads " + target + "; add this there, or run: lore config "
                        + client.id + " --write");
                out.print(client.toml() ? tomlEntry(client) : json().writeValueAsString(jsonEntry(client)) + "\n");
                if (hooks) {
                    out.println("# and its hooks from " + settings + ":");
                    ObjectNode root = json().createObjectNode();
                    addHooks(root);
                    out.println(json().writeValueAsString(root));
                }
                out.flush();
                return 0;
            }
            int written = client.toml() ? writeToml(client, target, out) : writeJson(client, target, out);
            writing = settings;
            return written != 0 || !hooks ? written : writeHooks(client, settings, out);
        } catch (IOException e) {
            spec.commandLine().getErr().println("lore: could not write " + writing + ": " + e.getMessage());
            return FILE_REFUSED;
        }
    }

    /** The command that launches this Lore: its launcher when it has one, or this JVM running this jar. */
    static List<String> launch() {
        String launcher = System.getenv("LORE_LAUNCHER");
        if (launcher != null && !launcher.isBlank()) {
            return List.of(Path.of(launcher).toAbsolutePath().toString());
        }
        String jar = System.getProperty("sun.java.command", "").split(" ")[0];
        return List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                Path.of(jar).toAbsolutePath().toString());
    }

    /** The client's servers with this Lore's entry in them, as a whole file would hold them. */
    private ObjectNode jsonEntry(McpClient client) {
        ObjectNode root = json().createObjectNode();
        root.putObject(client.serversKey).set(name, server(client));
        return root;
    }

    private ObjectNode server(McpClient client) {
        List<String> command = launch();
        ObjectNode server = json().createObjectNode();
        if (client.typed) {
            server.put("type", "stdio");
        }
        server.put("command", command.get(0));
        ArrayNode args = server.putArray("args");
        command.subList(1, command.size()).forEach(args::add);
        if (!environment.isEmpty()) {
            ObjectNode env = server.putObject("env");
            environment.forEach(env::put);
        }
        return server;
    }

    private int writeJson(McpClient client, Path target, PrintWriter out) throws IOException {
        ObjectNode root = readObject(client, target, client.serversKey);
        if (root == null) {
            return FILE_REFUSED;
        }
        ObjectNode servers = root.has(client.serversKey) ? (ObjectNode) root.get(client.serversKey)
                : root.putObject(client.serversKey);
        ObjectNode entry = server(client);
        if (entry.equals(servers.get(name))) {
            out.println("Lore is already set up for " + client.title + " in " + target + ": nothing changed.");
            return 0;
        }
        servers.set(name, entry);
        return replace(client, target, json().writeValueAsString(root) + "\n", out);
    }

    /** Adds the hooks to the client's settings, keeping every other hook and setting; one already there stays one. */
    private int writeHooks(McpClient client, Path settings, PrintWriter out) throws IOException {
        ObjectNode root = readObject(client, settings, "hooks");
        if (root == null) {
            return FILE_REFUSED;
        }
        if (!addHooks(root)) {
            out.println("Lore's hooks are already set up for " + client.title + " in " + settings
                    + ": nothing changed.");
            return 0;
        }
        return replace(client, settings, json().writeValueAsString(root) + "\n", out);
    }

    /**
     * Adds to a settings object the hooks that hand each conversation to Lore, for every event that lacks them:
     * after each answer and before compacting (asynchronous: the client's turn never waits), and at the session's end.
     * Answers whether it added one.
     */
    private boolean addHooks(ObjectNode root) {
        ObjectNode events = root.has("hooks") ? (ObjectNode) root.get("hooks") : root.putObject("hooks");
        String command = hookCommand();
        boolean added = false;
        for (String event : HOOK_EVENTS) {
            ArrayNode groups = events.has(event) && events.get(event).isArray() ? (ArrayNode) events.get(event)
                    : events.putArray(event);
            boolean present = false;
            for (JsonNode group : groups) {
                for (JsonNode hook : group.path("hooks")) {
                    present |= command.equals(hook.path("command").asText());
                }
            }
            if (!present) {
                ObjectNode hook = groups.addObject().putArray("hooks").addObject().put("type", "command")
                        .put("command", command);
                if (!event.equals("SessionEnd")) {
                    hook.put("async", true);
                }
                added = true;
            }
        }
        return added;
    }

    /** The shell command a hook runs: this Lore's {@code ingest --hook}, with the settings given by --env. */
    private String hookCommand() {
        List<String> words = new ArrayList<>();
        environment.forEach((key, value) -> words.add(key + "=" + shellWord(value)));
        launch().forEach(word -> words.add(shellWord(word)));
        words.addAll(List.of("ingest", "--hook"));
        return String.join(" ", words);
    }

    private static String shellWord(String word) {
        return word.matches("[A-Za-z0-9_./:=@%+-]+") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * The JSON object a client's file holds (empty when there is no file yet), or {@code null} after saying why it is
     * left alone: it is not valid JSON, holds what writing it back would lose, or {@code key} is not an object in it.
     */
    private ObjectNode readObject(McpClient client, Path target, String key) throws IOException {
        if (!Files.exists(target)) {
            return json().createObjectNode();
        }
        String text = Files.readString(target, StandardCharsets.UTF_8);
        JsonNode read;
        try {
            read = text.isBlank() ? json().createObjectNode() : json().readTree(text);
        } catch (JsonProcessingException strict) {
            refuse(target, lenientlyValid(text)
                    ? "it holds comments or trailing commas, which writing it back would lose; add the entry by "
                            + "hand (lore config " + client.id + " prints it)"
                    : "it is not valid JSON (" + strict.getOriginalMessage() + ")");
            return null;
        }
        if (!read.isObject() || read.has(key) && !read.get(key).isObject()) {
            refuse(target, "it is not a JSON object with \"" + key + "\" as an object");
            return null;
        }
        return (ObjectNode) read;
    }

    private int writeToml(McpClient client, Path target, PrintWriter out) throws IOException {
        String text = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
        JsonNode read;
        try {
            read = new TomlMapper().readTree(text);
        } catch (JsonProcessingException e) {
            return refuse(target, "it is not valid TOML (" + e.getOriginalMessage() + ")");
        }
        String entry = tomlEntry(client);
        JsonNode known = read.path(client.serversKey).path(name);
        if (known.equals(new TomlMapper().readTree(entry).path(client.serversKey).path(name))) {
            out.println("Lore is already set up for " + client.title + " in " + target + ": nothing changed.");
            return 0;
        }
        Matcher table = Pattern.compile("(?m)^\\s*\\[\\s*" + Pattern.quote(client.serversKey) + "\\s*\\.\\s*\"?"
                + Pattern.quote(name) + "\"?\\s*]\\s*$").matcher(text);
        String written;
        if (table.find()) {
            Matcher next = Pattern.compile("(?m)^\\s*\\[").matcher(text);
            int end = next.find(table.end()) ? next.start() : text.length();
            written = text.substring(0, table.start()) + entry + (end < text.length() ? "\n" : "") + text.substring(end);
        } else {
            written = text.isEmpty() ? entry : text + (text.endsWith("\n") ? "\n" : "\n\n") + entry;
        }
        return replace(client, target, written, out);
    }

    private String tomlEntry(McpClient client) {
        List<String> command = launch();
        StringBuilder entry = new StringBuilder("[").append(client.serversKey).append('.').append(name).append("]\n")
                .append("command = ").append(tomlString(command.get(0))).append('\n')
                .append("args = [");
        List<String> args = new ArrayList<>();
        command.subList(1, command.size()).forEach(arg -> args.add(tomlString(arg)));
        entry.append(String.join(", ", args)).append("]\n");
        if (!environment.isEmpty()) {
            List<String> env = new ArrayList<>();
            environment.forEach((key, value) -> env.add(tomlString(key) + " = " + tomlString(value)));
            entry.append("env = { ").append(String.join(", ", env)).append(" }\n");
        }
        return entry.toString();
    }

    private static String tomlString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Writes the file whole (a reader never sees half of it), after a backup of the one it replaces. */
    private int replace(McpClient client, Path target, String content, PrintWriter out) throws IOException {
        String backup = "";
        if (Files.exists(target)) {
            Path copy = target.resolveSibling(target.getFileName() + ".backup-" + LocalDateTime.now().format(BACKUP_TIME));
            Files.copy(target, copy, StandardCopyOption.COPY_ATTRIBUTES);
            backup = " (the file as it was: " + copy + ")";
        } else if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        Path partial = target.resolveSibling(target.getFileName() + ".lore-partial");
        Files.writeString(partial, content, StandardCharsets.UTF_8);
        if (Files.exists(target)) {
            try {
                Files.setPosixFilePermissions(partial, Files.getPosixFilePermissions(target));
            } catch (UnsupportedOperationException e) {
                // no POSIX permissions here (Windows): the new file is the user's, as the old one was
            }
        }
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
        out.println("Lore is set up for " + client.title + " in " + target + backup + ". Restart " + client.title
                + " to use it.");
        return 0;
    }

    private int refuse(Path target, String reason) {
        spec.commandLine().getErr().println("lore: " + target + " was left as it is: " + reason + ".");
        return FILE_REFUSED;
    }

    private static boolean lenientlyValid(String text) {
        try {
            McpClient.LENIENT_JSON.readTree(text);
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** JSON as people write these files: two spaces of indent, {@code "key": value}. */
    private static ObjectMapper json() {
        return JSON;
    }
}
