package dev.lore.protocol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.langchain4j.mcp.client.McpClient;
import dev.lore.testing.ChatReplay;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * {@code lore doctor} as a user runs it, on the packaged server: it reports the store, its migrations (without
 * applying them), the model, and each client's entry, with what to run for each problem, and exits with 1 when there
 * is one.
 */
class DoctorIT {

    @TempDir
    Path home;

    @Test
    void aClientEntryThatRunsNothingIsAProblemThatSaysHowToFixIt() throws Exception {
        try (TestStores.Store store = TestStores.fresh()) {
            try (McpClient client = LoreProcess.stdioClient(store, "doctor-it")) {
                StdioProtocolIT.call(client, "save_learning", Json.object("title", "Doctor", "learning",
                        "A store that a client has written to is migrated."));
            }
            List<String> jar = LoreProcess.command();
            jar.set(2, Path.of(jar.get(2)).toAbsolutePath().toString());
            write(home.resolve(".cursor/mcp.json"), Json.object("mcpServers", Map.of("lore",
                    Map.of("command", jar.get(0), "args", jar.subList(1, jar.size())))));
            write(home.resolve(".claude.json"), "{\"projects\": {}, \"mcpServers\": {\"memory\": {\"command\": "
                    + "\"npx\"}, \"lore\": {\"type\": \"stdio\", \"command\": \"/opt/lore-0.0.9/bin/lore\"}}}");

            LoreProcess.Ran sick = doctor(store);
            assertThat(sick.exitCode()).as("exit code, stderr: %s", sick.stderr()).isEqualTo(1);
            assertThat(sick.stdout()).contains(
                    "✓ store: ", "✓ migrations: up to date",
                    "✓ embedding model: bge-small-en-v1.5-q embeds (384 dimensions",
                    "✗ Claude Code: entry \"lore\" in " + home.resolve(".claude.json") + " runs "
                            + "/opt/lore-0.0.9/bin/lore, which is not there: lore config claude-code --write points "
                            + "it at this Lore",
                    "✓ Cursor: entry \"lore\" in " + home.resolve(".cursor/mcp.json") + " runs "
                            + String.join(" ", jar) + "\n",
                    "· Codex: not set up", "1 problem found.");

            write(home.resolve(".claude.json"), "{\"mcpServers\": {\"memory\": {\"command\": \"npx\"}}}");
            LoreProcess.Ran well = doctor(store);
            assertThat(well.exitCode()).as("exit code, output: %s", well.stdout()).isZero();
            assertThat(well.stdout()).contains("· Claude Code: not set up in", "No problems found.");
        }
    }

    @Test
    void aStoreNotYetMigratedIsReportedAndLeftAsItIs() throws Exception {
        try (TestStores.Store store = TestStores.fresh()) {
            LoreProcess.Ran fresh = doctor(store);
            assertThat(fresh.exitCode()).as("exit code, output: %s", fresh.stdout()).isZero();
            assertThat(fresh.stdout()).containsPattern("· migrations: \\d+ to apply \\(the store is at none\\): Lore "
                    + "applies them when it next starts");
            assertThat(doctor(store).stdout()).as("a second run finds the store as the first left it")
                    .containsPattern("· migrations: \\d+ to apply");
        }
    }

    @Test
    void theLanguageModelIsCheckedWhereItIsServed() throws Exception {
        try (TestStores.Store store = TestStores.fresh(); ChatReplay ollama = ChatReplay.start()) {
            LoreProcess.Ran none = doctor(store);
            assertThat(none.stdout()).contains("· language model: none configured: conversations are kept as "
                    + "conversation memory");

            LoreProcess.Ran served = doctor(store, ollama.loreEnvironment(ChatReplay.MODEL));
            assertThat(served.stdout()).contains("✓ language model: ollama:" + ChatReplay.MODEL + " is served at "
                    + ollama.baseUrl());

            LoreProcess.Ran missing = doctor(store, ollama.loreEnvironment("mistral:7b"));
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.stdout()).contains("✗ language model: Ollama at " + ollama.baseUrl()
                    + " has no model mistral:7b: ollama pull mistral:7b");

            LoreProcess.Ran unreachable = doctor(store, Map.of("LORE_EXTRACTION_OLLAMA_MODEL", ChatReplay.MODEL,
                    "LORE_EXTRACTION_OLLAMA_BASE_URL", "http://127.0.0.1:9"));
            assertThat(unreachable.exitCode()).isEqualTo(1);
            assertThat(unreachable.stdout()).contains("✗ language model: ollama:" + ChatReplay.MODEL
                    + " at http://127.0.0.1:9 cannot be reached: ", "Start it, or fix the base URL");
        }
    }

    private LoreProcess.Ran doctor(TestStores.Store store) {
        return doctor(store, Map.of());
    }

    private LoreProcess.Ran doctor(TestStores.Store store, Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(settings);
        environment.put("JAVA_TOOL_OPTIONS", "-Duser.home=" + home);
        return LoreProcess.run(store, environment, "doctor");
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
