package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.lore.testing.FreshStoreExtension;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * {@code lore export} and {@code lore import} as a user runs them, on the packaged server: a store an MCP client
 * filled with every kind of record moves whole into an empty store; importing it again changes nothing; an export the
 * other flavor wrote imports the same; a bad file is refused without a write.
 */
class ExportImportIT {

    /** An export written by the local flavor, with a record of every kind, as the other flavor imports it. */
    static final Path LOCAL_EXPORT = Path.of("src/test/resources/transfer/every-kind.jsonl");

    @RegisterExtension
    static final FreshStoreExtension source = new FreshStoreExtension();

    @RegisterExtension
    static final FreshStoreExtension target = new FreshStoreExtension();

    @RegisterExtension
    static final FreshStoreExtension other = new FreshStoreExtension();

    @TempDir
    static Path files;

    @BeforeAll
    static void anAgentSavesEveryKindOfRecord() throws Exception {
        try (McpClient client = LoreProcess.stdioClient(source.get(), Map.of("LORE_USER", "alice"), "claude-code")) {
            call(client, "update_profile", Json.object("fields", Map.of("role", "SRE", "timezone", "Europe/Berlin")));
            call(client, "update_profile", Json.object("fields", Map.of("role", "staff engineer")));
            call(client, "save_memory", Json.object("memory", "Alice prefers runbooks to wikis", "topics",
                    List.of("docs")));
            String mistaken = structured(call(client, "save_memory", Json.object("memory",
                    "Alice is on call next week"))).path("id").asText();
            call(client, "forget_memory", Json.object("id", mistaken));
            call(client, "update_session_context", Json.object("session_id", "billing-migration", "summary",
                    "Moving billing to Postgres", "goals", List.of("cut over by Friday"), "plan",
                    List.of(Map.of("step", "copy the ledger", "state", "doing")), "progress",
                    List.of("schema created")));
            call(client, "save_entity_fact", Json.object("entity", "Acme Corp", "entity_type", "company", "aliases",
                    List.of("Acme"), "fact", "Acme's CEO is Bob Stone", "attribute", "ceo"));
            call(client, "save_entity_fact", Json.object("entity", "Acme", "fact", "Acme's CEO is Dana Reyes",
                    "attribute", "ceo"));
            call(client, "relate_entities", Json.object("from", "Alice", "relation", "works at", "to", "Acme"));
            String decision = structured(call(client, "log_decision", Json.object("decision",
                    "Use logical replication for the billing cut-over", "reasoning", "No downtime window is allowed",
                    "alternatives", List.of("dump and restore"), "tags", List.of("billing")))).path("id").asText();
            call(client, "record_outcome", Json.object("decision_id", decision, "outcome",
                    "Cut over in 4 minutes of read-only time", "success", true));
            String job = structured(call(client, "learn_from_conversation", Json.object("session_id", "standup",
                    "messages", List.of(Map.of("role", "user", "content", "The ledger copy finished overnight.",
                            "timestamp", "2026-12-01T09:00:00Z"), Map.of("role", "assistant", "content",
                                    "Then the cut-over can start at ten.", "timestamp", "2026-12-01T09:00:07Z")))))
                    .path("job_id").asText();
            call(client, "learn_from_conversation", Json.object("session_id", "small-talk", "messages",
                    List.of(Map.of("role", "user", "content", "Nice weather today."))));
            awaitLearned(client, job);
            awaitConversation(client, "small-talk");
            call(client, "forget_conversation", Json.object("conversation_id", "small-talk"));
            for (int save = 0; save < 2; save++) {
                call(client, "save_runbook", Json.object("task", "Cut billing over to Postgres", "steps",
                        "1. Set REPLICA IDENTITY FULL on the ledger\n2. Start logical replication\n3. Switch the app "
                                + "to read-only, wait for lag 0, point it at Postgres", "outcome", "worked", "tags",
                        List.of("billing")));
                call(client, "save_learning", Json.object("title", "Ledger copy needs REPLICA IDENTITY FULL",
                        "learning", "Logical replication of the ledger table fails without REPLICA IDENTITY FULL "
                                + "because it has no primary key.", "tags", List.of("postgres", "billing")));
            }
        }
    }

    @Test
    void aStoreMovesWholeIntoAnEmptyOneAndAnotherImportChangesNothing() throws Exception {
        Path exported = files.resolve("source.jsonl");
        LoreProcess.Ran export = lore(source.get(), "export", "--output", exported.toString());
        assertThat(export.exitCode()).as("export, stderr: %s", export.stderr()).isZero();
        assertThat(export.stderr()).contains("Exported 22 records from profile, session, memory, entities, "
                + "knowledge, runbooks, decisions, conversations.").doesNotContain("\r", "WARN", "ERROR");
        List<String> lines = Files.readAllLines(exported);
        JsonNode header = Json.parse(lines.get(0));
        assertThat(header.path("lore_export").asInt()).isEqualTo(1);
        assertThat(header.path("flavor").asText()).isEqualTo(TestStores.FLAVOR);
        assertThat(kinds(lines)).containsExactly("profile field", "profile change", "session session",
                "memory memory", "memory audit", "entities entity", "entities fact", "entities relation",
                "knowledge learning", "runbooks runbook", "decisions decision", "conversations conversation",
                "conversations turn");
        JsonNode learning = recordsOf(lines, "learning").get(0);
        assertThat(learning.path("confirmations").asInt()).isEqualTo(2);
        assertThat(recordsOf(lines, "fact")).extracting(fact -> fact.path("status").asText())
                .containsExactly("superseded", "current");

        LoreProcess.Ran imported = lore(target.get(), "import", exported.toString());
        assertThat(imported.exitCode()).as("import, stderr: %s", imported.stderr()).isZero();
        assertThat(imported.stdout()).contains("Imported 22 records from " + exported
                + ": 22 added, 0 updated, 0 already there, 0 left out.");
        assertThat(recordLines(export(target.get()))).isEqualTo(recordLines(lines));

        LoreProcess.Ran again = lore(target.get(), "import", exported.toString());
        assertThat(again.stdout()).contains(": 0 added, 0 updated, 22 already there, 0 left out.");
        assertThat(recordLines(export(target.get()))).isEqualTo(recordLines(lines));

        try (McpClient client = LoreProcess.stdioClient(target.get(), Map.of("LORE_USER", "bob"), "cursor")) {
            JsonNode found = structured(call(client, "search_learnings", Json.object("query",
                    "why does replicating the ledger table fail")));
            assertThat(found.path("results").get(0).path("id").asText()).isEqualTo(learning.path("id").asText());
            JsonNode acme = structured(call(client, "search_entities", Json.object("query", "who is Acme's CEO")));
            assertThat(acme.toString()).contains("Dana Reyes").doesNotContain("Bob Stone");
            JsonNode said = structured(call(client, "search_conversations", Json.object("query",
                    "when does the cut-over start", "user_id", "alice")));
            assertThat(said.path("turns").get(0).path("text").asText())
                    .isEqualTo("Then the cut-over can start at ten.");
            assertThat(said.toString()).doesNotContain("weather");
        }

        LoreProcess.Ran stats = lore(target.get(), "stats", "--store", "entities,memory");
        assertThat(stats.exitCode()).as("stats, stderr: %s", stats.stderr()).isZero();
        assertThat(stats.stdout()).containsPattern("entities +fact +namespace default +2")
                .containsPattern("memory +audit +user alice +1").containsPattern("total +7");
    }

    @Test
    void anExportOfTheLocalFlavorImportsIntoEitherFlavorAsItWasWritten() throws Exception {
        LoreProcess.Ran imported = lore(other.get(), "import", LOCAL_EXPORT.toAbsolutePath().toString());
        assertThat(imported.exitCode()).as("import, stderr: %s", imported.stderr()).isZero();
        List<String> fixture = Files.readAllLines(LOCAL_EXPORT);
        assertThat(recordLines(export(other.get()))).isEqualTo(recordLines(fixture));
    }

    @Test
    void aBadFileIsRefusedAndNothingIsWritten() throws Exception {
        List<String> lines = Files.readAllLines(LOCAL_EXPORT);
        Path bad = files.resolve("bad.jsonl");
        lines.set(3, lines.get(3).replaceFirst("\"user_id\":\"[^\"]*\"", "\"user_id\":\"\""));
        Files.write(bad, lines);
        TestStores.Store empty = TestStores.fresh();
        try (empty) {
            LoreProcess.Ran refused = lore(empty, "import", bad.toString());
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.stderr()).contains("refused, nothing imported: 1 problem", "line 4: ",
                    "user_id must be 1 to 128 characters");
            assertThat(recordLines(export(empty))).isEmpty();

            LoreProcess.Ran unknownStore = lore(empty, "export", "--store", "wiki");
            assertThat(unknownStore.exitCode()).isEqualTo(2);
            assertThat(unknownStore.stderr()).contains("no store is named wiki (stores: profile, session");
        }
    }

    private static List<String> export(TestStores.Store store) {
        LoreProcess.Ran export = lore(store, "export");
        assertThat(export.exitCode()).as("export, stderr: %s", export.stderr()).isZero();
        return export.stdout().lines().toList();
    }

    /** The records of an export, without its header (which says when it was written). */
    private static List<String> recordLines(List<String> export) {
        return export.stream().skip(1).toList();
    }

    /** The store and kind of each record, in the order they first come. */
    private static List<String> kinds(List<String> export) {
        return recordLines(export).stream().map(Json::parse)
                .map(line -> line.path("store").asText() + " " + line.path("kind").asText()).distinct()
                .collect(Collectors.toList());
    }

    private static List<JsonNode> recordsOf(List<String> export, String kind) {
        return recordLines(export).stream().map(Json::parse).filter(line -> line.path("kind").asText().equals(kind))
                .toList();
    }

    private static void awaitLearned(McpClient client, String job) throws InterruptedException {
        for (int wait = 0; wait < 300; wait++) {
            if (structured(call(client, "get_learning_job", Json.object("job_id", job))).path("state").asText()
                    .equals("done")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("job " + job + " was not learned from within a minute");
    }

    /** Jobs are learned from in turn: one queued after a conversation is done once that one is kept. */
    private static void awaitConversation(McpClient client, String conversation) throws InterruptedException {
        String after = structured(call(client, "learn_from_conversation", Json.object("session_id", conversation
                + "-after", "messages", List.of(Map.of("role", "user", "content", "ok"))))).path("job_id").asText();
        awaitLearned(client, after);
    }

    private static LoreProcess.Ran lore(TestStores.Store store, String... args) {
        return LoreProcess.run(store, Map.of(), args);
    }

    private static ToolExecutionResult call(McpClient client, String tool,
            String arguments) {
        return StdioProtocolIT.call(client, tool, arguments);
    }

    private static JsonNode structured(ToolExecutionResult result) {
        return StdioProtocolIT.structured(result);
    }
}
