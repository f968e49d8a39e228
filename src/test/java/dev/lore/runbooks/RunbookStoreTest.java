package dev.lore.runbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.identity.Caller;
import dev.lore.store.Learned;
import dev.lore.store.LearningStores;
import dev.lore.testing.McpCalls;
import dev.lore.testing.Namespaces;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * The runbook store, added as a team adds a store: its tools registered through the programmatic API answer and check
 * their arguments like the annotated ones, a repeat counts one more run, recall brings the runbook for its task, and
 * the extraction hook saves through the same rules.
 */
@QuarkusTest
class RunbookStoreTest {

    static final String TASK = "Rotate the staging TLS certificate";
    static final String STEPS = "1. certbot renew --cert-name staging\n2. kubectl rollout restart deploy/ingress\n"
            + "3. check the expiry with openssl s_client";

    @Inject
    LearningStores stores;

    @Inject
    RunbookService runbooks;

    @Inject
    ObjectMapper json;

    @Test
    void aProcedureSavedThroughTheToolsIsFoundByWhatItIsForAndARepeatCountsOneMoreRun() {
        String namespace = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            List<String> listed = new ArrayList<>();
            mcp.client().when().toolsList(page -> page.tools().forEach(tool -> listed.add(tool.name())))
                    .thenAssertResults();
            assertThat(listed).contains("save_runbook", "search_runbooks");

            JsonObject first = mcp.ok("save_runbook", Map.of("task", TASK, "steps", STEPS, "outcome", "worked",
                    "namespace", namespace, "tags", List.of("tls", "staging")));
            JsonObject again = mcp.ok("save_runbook", Map.of("task", TASK, "steps", STEPS, "outcome", "Failed",
                    "notes", "certbot needs port 80 open on the ingress", "namespace", namespace));

            assertThat(first.getString("status")).isEqualTo("created");
            assertThat(again.getString("status")).isEqualTo("counted");
            assertThat(again.getString("id")).isEqualTo(first.getString("id"));
            JsonObject runbook = again.getJsonObject("runbook");
            assertThat(runbook.getInteger("times_worked")).isOne();
            assertThat(runbook.getInteger("times_failed")).isOne();
            assertThat(runbook.getString("outcome")).isEqualTo("failed");
            assertThat(runbook.getString("notes")).contains("port 80");

            JsonObject found = mcp.ok("search_runbooks", Map.of("query", "how do I renew the certificate on "
                    + "staging?", "namespace", namespace));
            assertThat(found.getJsonArray("results").getJsonObject(0).getJsonObject("runbook").getString("task"))
                    .isEqualTo(TASK);
            assertThat(mcp.ok("search_runbooks", Map.of("query", "renew the certificate", "namespace",
                    Namespaces.fresh())).getInteger("count")).as("another namespace").isZero();

            assertThat(mcp.recall(Map.of("namespace", namespace, "query", "renew staging TLS certificate")))
                    .contains("## Runbooks for", TASK + " (worked once, failed once; last: failed)");
        }
    }

    @Test
    void aBadArgumentIsAToolErrorNamingItAndSecretsAreRedacted() {
        String namespace = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            assertThat(mcp.error("save_runbook", Map.of("task", TASK, "steps", STEPS, "outcome", "maybe")))
                    .contains("outcome must be worked, failed or partly");
            assertThat(mcp.error("save_runbook", Map.of("task", " ", "steps", STEPS, "outcome", "worked")))
                    .contains("task must not be blank");
            assertThat(mcp.error("save_runbook", Map.of("task", TASK, "steps", STEPS, "outcome", "worked",
                    "namespace", "no spaces allowed"))).contains("namespace must be 1 to 64 characters");
            assertThat(mcp.error("search_runbooks", Map.of("query", "certificates", "limit", 500)))
                    .contains("limit must be at most 50");

            JsonObject saved = mcp.ok("save_runbook", Map.of("task", "Publish the npm package", "steps",
                    "npm publish with NPM_TOKEN=npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8 in the environment",
                    "outcome", "worked", "namespace", namespace));
            assertThat(saved.getJsonObject("runbook").getString("steps")).doesNotContain("npm_a1B2")
                    .contains("[redacted");
        }
    }

    @Test
    void theExtractionHookSavesThroughTheSameRules() {
        Caller caller = Namespaces.caller("ops", Namespaces.fresh());
        List<Learned> learned = stores.learn(caller, "runbooks", json.valueToTree(List.of(Map.of("task", TASK,
                "steps", STEPS, "outcome", "worked"))));

        assertThat(learned).singleElement().satisfies(item -> {
            assertThat(item.store()).isEqualTo("runbooks");
            assertThat(item.outcome()).isEqualTo(Learned.Outcome.CREATED);
        });
        assertThat(runbooks.search(caller, "renew the staging certificate", 5)).extracting(f -> f.record().task)
                .containsExactly(TASK);
    }
}
