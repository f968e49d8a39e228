package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.McpClient;
import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/** {@code lore reembed} as a user runs it: the packaged server, on a store an MCP client wrote to. */
class ReembedIT {

    @RegisterExtension
    static final FreshStoreExtension store = new FreshStoreExtension();

    record Run(int exitCode, String stdout, String stderr) {
    }

    static Run reembed() throws Exception {
        return reembed(store.get(), Map.of());
    }

    /** Runs {@code lore reembed} on a store, with more settings in its environment. */
    static Run reembed(TestStores.Store store, Map<String, String> extraEnvironment) throws Exception {
        Path out = Files.createTempFile("lore-reembed-", ".out");
        Path err = Files.createTempFile("lore-reembed-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(LoreProcess.command("reembed"))
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().putAll(store.environment());
            builder.environment().putAll(extraEnvironment);
            Process lore = builder.start();
            assertThat(lore.waitFor(120, TimeUnit.SECONDS)).as("reembed finished").isTrue();
            return new Run(lore.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    @Test
    void reportsWhatItReembeddedAndWarnsOfNothingWhenAllIsWell() throws Exception {
        try (McpClient client = LoreProcess.stdioClient(store.get(), "reembed-it")) {
            client.executeTool(ToolExecutionRequest.builder().id("1").name("save_learning").arguments(Json.object(
                    "title", "Deploys", "learning", "Deploys freeze on Fridays. Hotfixes need two reviewers.",
                    "namespace", "reembed")).build());
        }

        Run upToDate = reembed();
        assertThat(upToDate.exitCode()).as("exit code, stderr: %s", upToDate.stderr()).isZero();
        assertThat(upToDate.stdout()).contains("Every vector already comes from bge-small-en-v1.5-q.");
        assertThat(upToDate.stderr()).as("stderr").doesNotContain("WARN", "ERROR");

        try (Connection db = store.get().connect(); Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE search_entry SET passages = NULL WHERE namespace = 'reembed'");
        }
        Run stale = reembed();
        assertThat(stale.exitCode()).as("exit code, stderr: %s", stale.stderr()).isZero();
        assertThat(stale.stdout()).contains("Done: 1 entries re-embedded with bge-small-en-v1.5-q.");
        assertThat(stale.stderr()).as("stderr").doesNotContain("WARN", "ERROR");
    }
}
