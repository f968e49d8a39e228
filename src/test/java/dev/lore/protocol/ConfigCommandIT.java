package dev.lore.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

import dev.langchain4j.mcp.client.McpClient;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * {@code lore config} as a user runs it, on configuration files as the clients write them, with other servers and
 * settings in them: printed, merged after a backup, left alone when it would lose something.
 */
class ConfigCommandIT {

    @TempDir
    Path home;

    record Run(int exit, String out, String err) {
    }

    @Test
    void withoutWriteTheEntryIsPrintedAndNoFileTouched() throws Exception {
        Run run = lore("config", "cursor");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains(home.resolve(".cursor/mcp.json").toString());
        JsonNode printed = Json.parse(run.out().substring(run.out().indexOf('{')));
        JsonNode entry = printed.path("mcpServers").path("lore");
        assertThat(entry.path("command").asText()).endsWith("java");
        assertThat(entry.path("args").get(0).asText()).isEqualTo("-jar");
        assertThat(Path.of(entry.path("args").get(1).asText())).isAbsolute().exists();
        assertThat(home.resolve(".cursor")).doesNotExist();
    }

    @Test
    void aCursorFileKeepsItsOtherServersAndSettingsAndIsBackedUp() throws Exception {
        Path file = home.resolve(".cursor/mcp.json");
        String before = """
                {
                  "mcpServers": {
                    "github": {
                      "command": "npx",
                      "args": ["-y", "@modelcontextprotocol/server-github"],
                      "env": {"GITHUB_PERSONAL_ACCESS_TOKEN": "ghp_example"}
                    }
                  },
                  "experimental": {"sampling": true}
                }
                """;
        write(file, before);

        Run run = lore("config", "cursor", "--write", "--env", "LORE_USER=alice");

        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode after = Json.parse(Files.readString(file));
        assertThat(after.path("mcpServers").path("github")).isEqualTo(Json.parse(before).path("mcpServers")
                .path("github"));
        assertThat(after.path("experimental").path("sampling").asBoolean()).isTrue();
        assertThat(after.path("mcpServers").path("lore").path("env").path("LORE_USER").asText()).isEqualTo("alice");
        assertThat(backups(file)).singleElement().satisfies(backup -> assertThat(Files.readString(backup))
                .isEqualTo(before));

        Run again = lore("config", "cursor", "--write", "--env", "LORE_USER=alice");
        assertThat(again.out()).contains("nothing changed");
        assertThat(backups(file)).hasSize(1);
    }

    @Test
    void claudeDesktopsFileIsCreatedWhereItLooksForIt() throws Exception {
        Run run = lore("config", "claude-desktop", "--write");

        assertThat(run.exit()).as(run.err()).isZero();
        Path file = home.resolve(".config/Claude/claude_desktop_config.json");
        JsonNode entry = Json.parse(Files.readString(file)).path("mcpServers").path("lore");
        assertThat(entry.has("type")).as("Claude Desktop's entries name no transport").isFalse();
        assertThat(entry.path("args").size()).isEqualTo(2);
    }

    @Test
    void claudeCodesUserFileKeepsEverythingElseItHolds() throws Exception {
        Path file = home.resolve(".claude.json");
        write(file, """
                {
                  "numStartups": 42,
                  "projects": {"/home/me/work": {"allowedTools": [], "mcpServers": {}, "hasTrustDialogAccepted": true}},
                  "mcpServers": {"postgres": {"type": "stdio", "command": "postgres-mcp", "args": [], "env": {}}}
                }
                """);

        assertThat(lore("config", "claude-code", "--write").exit()).isZero();

        JsonNode after = Json.parse(Files.readString(file));
        assertThat(after.path("numStartups").asInt()).isEqualTo(42);
        assertThat(after.path("projects").path("/home/me/work").path("hasTrustDialogAccepted").asBoolean()).isTrue();
        assertThat(after.path("mcpServers").path("postgres").path("command").asText()).isEqualTo("postgres-mcp");
        assertThat(after.path("mcpServers").path("lore").path("type").asText()).isEqualTo("stdio");
    }

    @Test
    void vsCodesWorkspaceFileTakesTheEntryUnderServers() throws Exception {
        Path workspace = Files.createDirectories(home.resolve("project"));
        Path file = workspace.resolve(".vscode/mcp.json");
        write(file, """
                {"inputs": [{"type": "promptString", "id": "api-key", "description": "API key", "password": true}],
                 "servers": {"fetch": {"type": "stdio", "command": "uvx", "args": ["mcp-server-fetch"]}}}
                """);

        assertThat(lore(workspace, "config", "vscode", "--write").exit()).isZero();

        JsonNode after = Json.parse(Files.readString(file));
        assertThat(after.path("inputs").get(0).path("id").asText()).isEqualTo("api-key");
        assertThat(after.path("servers").path("fetch").path("command").asText()).isEqualTo("uvx");
        assertThat(after.path("servers").path("lore").path("type").asText()).isEqualTo("stdio");
    }

    @Test
    void codexsTomlGetsItsTableAndKeepsTheRest() throws Exception {
        Path file = home.resolve(".codex/config.toml");
        write(file, """
                model = "o3"
                approval_policy = "on-request"

                [mcp_servers.github]
                command = "npx"
                args = ["-y", "@modelcontextprotocol/server-github"]

                [mcp_servers.lore]
                command = "/old/java"
                args = ["-jar", "/old/lore/quarkus-run.jar"]

                [tui]
                theme = "dark"
                """);

        assertThat(lore("config", "codex", "--write").exit()).isZero();

        String text = Files.readString(file);
        JsonNode after = new TomlMapper().readTree(text);
        assertThat(after.path("model").asText()).isEqualTo("o3");
        assertThat(after.path("tui").path("theme").asText()).isEqualTo("dark");
        assertThat(after.path("mcp_servers").path("github").path("command").asText()).isEqualTo("npx");
        assertThat(after.path("mcp_servers").path("lore").path("command").asText()).endsWith("java")
                .isNotEqualTo("/old/java");
        assertThat(text).doesNotContain("/old/lore").containsOnlyOnce("[mcp_servers.lore]");
        assertThat(lore("config", "codex", "--write").out()).contains("nothing changed");
    }

    @Test
    void aFileItCouldNotWriteBackFaithfullyIsLeftAsItIs() throws Exception {
        Path withComments = home.resolve("with-comments.json");
        String commented = "{\n  // my servers\n  \"mcpServers\": {},\n}\n";
        write(withComments, commented);
        Run refused = lore("config", "cursor", "--write", "--file", withComments.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("comments or trailing commas");
        assertThat(Files.readString(withComments)).isEqualTo(commented);

        Path broken = home.resolve("broken.json");
        write(broken, "{\"mcpServers\": ");
        Run invalid = lore("config", "claude-desktop", "--write", "--file", broken.toString());
        assertThat(invalid.exit()).isEqualTo(1);
        assertThat(invalid.err()).contains("not valid JSON");
        assertThat(backups(broken)).isEmpty();
    }

    @Test
    void claudeCodesHooksAreAddedOnceBesideTheUsersOwn() throws Exception {
        Path settings = home.resolve(".claude/settings.json");
        write(settings, """
                {
                  "permissions": {"allow": ["Bash(npm test)"]},
                  "hooks": {
                    "Stop": [{"hooks": [{"type": "command", "command": "notify-send done"}]}],
                    "PreToolUse": [{"matcher": "Bash", "hooks": [{"type": "command", "command": "audit-bash"}]}]
                  }
                }
                """);

        Run run = lore("config", "claude-code", "--write", "--hooks");

        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        assertThat(Json.parse(Files.readString(home.resolve(".claude.json"))).path("mcpServers").has("lore")).isTrue();
        JsonNode after = Json.parse(Files.readString(settings));
        assertThat(after.path("permissions").path("allow").get(0).asText()).isEqualTo("Bash(npm test)");
        assertThat(after.path("hooks").path("PreToolUse").get(0).path("hooks").get(0).path("command").asText())
                .isEqualTo("audit-bash");
        JsonNode stop = after.path("hooks").path("Stop");
        assertThat(stop).hasSize(2);
        assertThat(stop.get(0).path("hooks").get(0).path("command").asText()).isEqualTo("notify-send done");
        JsonNode ours = stop.get(1).path("hooks").get(0);
        assertThat(ours.path("command").asText()).endsWith(" ingest --hook").contains("-jar");
        assertThat(ours.path("async").asBoolean()).isTrue();
        assertThat(after.path("hooks").path("PreCompact").get(0).path("hooks").get(0).path("async").asBoolean())
                .isTrue();
        assertThat(after.path("hooks").path("SessionEnd").get(0).path("hooks").get(0).has("async"))
                .as("the session's end waits for the hand-over").isFalse();
        assertThat(backups(settings)).hasSize(1);

        Run again = lore("config", "claude-code", "--write", "--hooks");
        assertThat(again.out()).contains("Lore's hooks are already set up for Claude Code in " + settings
                + ": nothing changed.");
        assertThat(Json.parse(Files.readString(settings)).path("hooks").path("Stop")).hasSize(2);
        assertThat(backups(settings)).hasSize(1);
    }

    @Test
    void theHookCommandItWritesHandsTheConversationToLore() throws Exception {
        try (TestStores.Store store = TestStores.fresh()) {
            List<String> args = new ArrayList<>(List.of("config", "claude-code", "--write", "--hooks"));
            store.environment().forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
            assertThat(lore(args.toArray(String[]::new)).exit()).isZero();
            String command = Json.parse(Files.readString(home.resolve(".claude/settings.json"))).path("hooks")
                    .path("Stop").get(0).path("hooks").get(0).path("command").asText();
            Path transcript = IngestIT.transcript(home);

            Process hook = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            hook.getOutputStream().write(IngestIT.stopHook(transcript).getBytes(StandardCharsets.UTF_8));
            hook.getOutputStream().close();
            assertThat(hook.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(hook.exitValue()).as("output: %s", new String(hook.getInputStream().readAllBytes(),
                    StandardCharsets.UTF_8)).isZero();

            try (McpClient client = LoreProcess.stdioClient(store, "claude-code")) {
                assertThat(IngestIT.awaitFound(client, "why did checkout requests hang under load?", 1)
                        .path("count").asInt()).isPositive();
            }
        }
    }

    @Test
    void hooksForAClientThatCannotHandOverAConversationAreAUsageError() throws Exception {
        Run run = lore("config", "cursor", "--hooks");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--hooks: only Claude Code hands a hook its conversation's transcript",
                "learn_from_conversation");
    }

    @Test
    void anUnknownClientIsAUsageError() throws Exception {
        Run run = lore("config", "emacs");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown client 'emacs'", "claude-desktop, claude-code, cursor, vscode, codex");
    }

    private Run lore(String... args) throws Exception {
        return lore(home, args);
    }

    /** Runs the packaged Lore in this working folder, with this test's folder as the user's home. */
    private Run lore(Path workingDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(LoreProcess.command(args));
        command.add(1, "-Duser.home=" + home);
        Path out = Files.createTempFile("lore-config-", ".out");
        Path err = Files.createTempFile("lore-config-", ".err");
        Process process = new ProcessBuilder(command).directory(workingDir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static List<Path> backups(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.getParent())) {
            return files.filter(f -> f.getFileName().toString().startsWith(file.getFileName() + ".backup-")).toList();
        }
    }
}
