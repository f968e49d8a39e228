package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

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

    static LoreProcess.Ran reembed() {
        return reembed(store.get(), Map.of());
    }

    /** Runs {@code lore reembed} on a store, with more settings in its environment. */
    static LoreProcess.Ran reembed(TestStores.Store store, Map<String, String> extraEnvironment) {
        return LoreProcess.run(store, extraEnvironment, "reembed");
    }

    @Test
    void reportsWhatItReembeddedAndWarnsOfNothingWhenAllIsWell() throws Exception {
        try (McpClient client = LoreProcess.stdioClient(store.get(), "reembed-it")) {
            client.executeTool(ToolExecutionRequest.builder().id("1").name("save_learning").arguments(Json.object(
                    "title", "Deploys", "learning", "Deploys freeze on Fridays. Hotfixes need two reviewers.",
                    "namespace", "reembed")).build());
        }

        LoreProcess.Ran upToDate = reembed();
        assertThat(upToDate.exitCode()).as("exit code, stderr: %s", upToDate.stderr()).isZero();
        assertThat(upToDate.stdout()).contains("Every vector already comes from bge-small-en-v1.5-q.");
        assertThat(upToDate.stderr()).as("stderr").doesNotContain("WARN", "ERROR");

        try (Connection db = store.get().connect(); Statement statement = db.createStatement()) {
            statement.executeUpdate("UPDATE search_entry SET passages = NULL WHERE namespace = 'reembed'");
        }
        LoreProcess.Ran stale = reembed();
        assertThat(stale.exitCode()).as("exit code, stderr: %s", stale.stderr()).isZero();
        assertThat(stale.stdout()).contains("Done: 1 entries re-embedded with bge-small-en-v1.5-q.");
        assertThat(stale.stderr()).as("stderr").doesNotContain("WARN", "ERROR");
    }
}
