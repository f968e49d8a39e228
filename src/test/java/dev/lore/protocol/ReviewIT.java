package dev.lore.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.langchain4j.mcp.client.McpClient;
import dev.lore.testing.Json;
import dev.lore.testing.LoreProcess;
import dev.lore.testing.TestStores;

/**
 * Propose mode end to end on the packaged Lore: an agent's saves wait in the review inbox, and a person decides them
 * with {@code lore review}: accepts one, edits one in their editor and accepts it, rejects one, which the agent then
 * cannot propose again. Refusals exit with 1 and a reason, usage errors with 2.
 */
class ReviewIT {

    static final Map<String, String> PROPOSE = Map.of("LORE_STORES_KNOWLEDGE_MODE", "propose");

    static String propose(McpClient agent, String title, String learning) {
        JsonNode saved = StdioProtocolIT.structured(StdioProtocolIT.call(agent, "save_learning",
                Json.object("title", title, "learning", learning)));
        assertThat(saved.path("status").asText()).as("answer: %s", saved).isEqualTo("proposed");
        return saved.path("id").asText();
    }

    static LoreProcess.Ran review(TestStores.Store store, Map<String, String> environment, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "review";
        System.arraycopy(args, 0, command, 1, args.length);
        return LoreProcess.run(store, environment, command);
    }

    @Test
    void aPersonAcceptsEditsAndRejectsWhatAnAgentProposed() throws Exception {
        try (TestStores.Store store = TestStores.fresh()) {
            String pinned;
            String timeouts;
            String fridays;
            try (McpClient agent = LoreProcess.stdioClient(store, PROPOSE, "claude-code")) {
                pinned = propose(agent, "Pin the base image", "Builds broke when the base image moved under us; pin "
                        + "it by digest.");
                timeouts = propose(agent, "Payment API timeouts", "The payment API times out after 3 s.");
                fridays = propose(agent, "Friday deploys", "Never deploy on a Friday afternoon.");
                assertThat(StdioProtocolIT.structured(StdioProtocolIT.call(agent, "search_learnings",
                        Json.object("query", "why did the builds break?"))).path("count").asInt())
                        .as("nothing counts before a person's yes").isZero();
            }

            LoreProcess.Ran waiting = review(store, PROPOSE);
            assertThat(waiting.exitCode()).as("stderr: %s", waiting.stderr()).isZero();
            assertThat(waiting.stdout()).contains(pinned, timeouts, fridays, "by claude-code",
                    "Never deploy on a Friday afternoon.");

            LoreProcess.Ran accepted = review(store, PROPOSE, "accept", pinned, "--note", "we hit it twice");
            assertThat(accepted.exitCode()).as("stderr: %s", accepted.stderr()).isZero();
            assertThat(accepted.stdout()).contains("Accepted by", "(lore review)", "we hit it twice",
                    "saved in knowledge as");

            Path editor = Files.createTempFile("lore-editor-", ".sh", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            Files.writeString(editor, "#!/bin/sh\nsed -i 's/after 3 s\\./after 5 s; retry once./' \"$1\"\n");
            Map<String, String> editing = new HashMap<>(PROPOSE);
            editing.put("EDITOR", editor.toString());
            editing.put("VISUAL", "");
            LoreProcess.Ran edited = review(store, editing, "accept", timeouts, "--edit");
            assertThat(edited.exitCode()).as("stderr: %s", edited.stderr()).isZero();
            assertThat(edited.stdout()).contains("after 5 s; retry once.", ", edited");

            LoreProcess.Ran rejected = review(store, PROPOSE, "reject", fridays, "--note", "not a rule here");
            assertThat(rejected.exitCode()).as("stderr: %s", rejected.stderr()).isZero();
            LoreProcess.Ran twice = review(store, PROPOSE, "reject", fridays);
            assertThat(twice.exitCode()).isEqualTo(1);
            assertThat(twice.stderr()).contains("was rejected already");
            LoreProcess.Ran unknown = review(store, PROPOSE, "show", "no-such-proposal");
            assertThat(unknown.exitCode()).isEqualTo(1);
            assertThat(unknown.stderr()).contains("No proposal has the id no-such-proposal");
            LoreProcess.Ran badEdit = review(store, PROPOSE, "accept", "x", "--edit", "--with", "-");
            assertThat(badEdit.exitCode()).isEqualTo(2);
            assertThat(review(store, PROPOSE, "list", "--state", "rejected").stdout()).contains(fridays)
                    .doesNotContain(pinned);

            try (McpClient agent = LoreProcess.stdioClient(store, PROPOSE, "claude-code")) {
                assertThat(StdioProtocolIT.structured(StdioProtocolIT.call(agent, "search_learnings",
                        Json.object("query", "why did the builds break?"))).path("results").get(0).path("title")
                        .asText()).isEqualTo("Pin the base image");
                assertThat(StdioProtocolIT.structured(StdioProtocolIT.call(agent, "search_learnings",
                        Json.object("query", "how long until the payment API times out?"))).toString())
                        .contains("after 5 s; retry once.").doesNotContain("after 3 s");
                JsonNode again = StdioProtocolIT.structured(StdioProtocolIT.call(agent, "save_learning",
                        Json.object("title", "Friday deploys", "learning", "Never deploy on a Friday afternoon.")));
                assertThat(again.path("status").asText()).isEqualTo("rejected_before");
                assertThat(again.path("id").asText()).isEqualTo(fridays);
            }
        }
    }
}
