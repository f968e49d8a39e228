package dev.lore.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.entities.EntityService;
import dev.lore.entities.NewEntityFact;
import dev.lore.identity.Caller;
import dev.lore.knowledge.LearningService;
import dev.lore.knowledge.NewLearning;
import dev.lore.memory.MemoryService;
import dev.lore.memory.NewMemory;
import dev.lore.profile.ProfileService;
import dev.lore.store.RecordFilter;
import dev.lore.store.Restored;
import dev.lore.testing.Json;
import dev.lore.testing.Namespaces;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What an import does to a store that already holds records (the round trip into an empty store is
 * {@code ExportImportIT}'s): the newer state wins, a forgotten memory stays forgotten, an entity known by name takes
 * the imported facts, and a bad file is refused whole, each problem named by its line.
 */
@QuarkusTest
class TransferTest {

    private static final String HEADER = "{\"lore_export\": 1, \"lore_version\": \"test\", \"flavor\": \"local\"}";

    @Inject
    Transfer transfer;

    @Inject
    LearningService learnings;

    @Inject
    MemoryService memories;

    @Inject
    ProfileService profiles;

    @Inject
    EntityService entities;

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void theNewerStateOfALearningWinsAndAnOlderOneChangesNothing() throws IOException {
        String namespace = Namespaces.fresh();
        String id = UUID.randomUUID().toString();
        assertThat(restore(learning(id, namespace, "Redis eviction policy is allkeys-lru in staging", NOW)))
                .containsExactly(Restored.ADDED);
        assertThat(fresh(() -> learnings.find(id))).get().extracting(l -> l.namespace, l -> l.confirmations)
                .containsExactly(namespace, 3);

        assertThat(restore(learning(id, namespace, "Older wording", NOW.minusSeconds(60))))
                .containsExactly(Restored.UNCHANGED);
        assertThat(fresh(() -> learnings.find(id)).orElseThrow().body)
                .isEqualTo("Redis eviction policy is allkeys-lru in staging");

        assertThat(restore(learning(id, namespace, "Redis eviction policy is volatile-lfu in staging since March",
                NOW.plusSeconds(60)))).containsExactly(Restored.UPDATED);
        Caller reader = Namespaces.caller("reader", namespace);
        assertThat(fresh(() -> learnings.search(reader, "which eviction policy does staging Redis use", 5, List.of())))
                .extracting(found -> found.record().id, found -> found.record().body)
                .containsExactly(tuple(id, "Redis eviction policy is volatile-lfu in staging since March"));
    }

    @Test
    void aForgottenMemoryStaysForgottenAndIsForgottenWhereItWasKept() throws IOException {
        String user = "user-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String memory = Json.object("store", "memory", "kind", "memory", "id", id, "user_id", user,
                "body", "Works from Lisbon in winter", "topics", List.of("travel"), "agent_id", "cursor",
                "confirmations", 1, "created_at", NOW.toString(), "updated_at", NOW.toString(),
                "last_confirmed_at", NOW.toString());
        assertThat(restore(memory)).containsExactly(Restored.ADDED);
        assertThat(memories.search(user, "where does the user work in winter", 5)).hasSize(1);

        String forgotten = Json.object("store", "memory", "kind", "audit", "memory_id", id, "user_id", user,
                "action", "forgotten", "happened_at", NOW.plusSeconds(5).toString(), "agent_id", "claude-code");
        assertThat(restore(forgotten, memory, forgotten))
                .containsExactly(Restored.ADDED, Restored.LEFT_OUT, Restored.UNCHANGED);
        assertThat(memories.list(user, null, 10)).isEmpty();
        assertThat(memories.search(user, "where does the user work in winter", 5)).isEmpty();
    }

    @Test
    void aFieldSetOrRemovedAfterTheProfileLastChangedItTakesEffectOnce() throws IOException {
        String user = "user-" + UUID.randomUUID();
        Caller caller = Namespaces.caller(user, Namespaces.fresh());
        profiles.update(caller, Map.of("role", "SRE"));
        String olderRole = Json.object("store", "profile", "kind", "field", "user_id", user, "field", "role",
                "value", "Intern", "updated_at", NOW.minusSeconds(3600).toString(), "agent_id", "cursor");
        String removed = Json.object("store", "profile", "kind", "change", "user_id", user, "field", "role",
                "old_value", "SRE", "new_value", null, "changed_at", NOW.plusSeconds(3600).toString(),
                "agent_id", "cursor");

        assertThat(restore(olderRole)).containsExactly(Restored.UNCHANGED);
        assertThat(profiles.get(user).role()).isEqualTo("SRE");
        assertThat(restore(removed, removed)).containsExactly(Restored.ADDED, Restored.UNCHANGED);
        assertThat(profiles.get(user).role()).isNull();
        assertThat(profiles.history(user, 10)).hasSize(2);
    }

    @Test
    void anEntityKnownByNameTakesTheImportedNamesAndFactsAndTheLaterOfTwoContradictingFactsStands()
            throws IOException {
        String namespace = Namespaces.fresh();
        Caller caller = Namespaces.caller("alice", namespace);
        entities.saveFact(caller, new NewEntityFact("Acme", "Acme's CEO is Bob Stone", "company", null, "ceo"));
        String otherId = UUID.randomUUID().toString();
        String entity = Json.object("store", "entities", "kind", "entity", "id", otherId, "namespace", namespace,
                "name", "ACME Corp", "type", "company", "aliases", List.of("ACME Corp", "Acme"),
                "created_at", NOW.minusSeconds(7200).toString(), "updated_at", NOW.minusSeconds(7200).toString());
        String earlierCeo = fact(namespace, otherId, "ACME Corp", "Acme's CEO is Carol Diaz", NOW.minusSeconds(3600));
        String laterCeo = fact(namespace, otherId, "ACME Corp", "Acme's CEO is Dan Wu", NOW.plusSeconds(3600));

        assertThat(restore(entity, earlierCeo, laterCeo))
                .containsExactly(Restored.UPDATED, Restored.ADDED, Restored.ADDED);
        EntityService.Dossier acme = entities.get(namespace, "acme corp").orElseThrow();
        assertThat(acme.aliases()).extracting(alias -> alias.alias).contains("Acme", "ACME Corp");
        assertThat(acme.facts()).extracting(f -> f.fact, f -> f.status).containsExactlyInAnyOrder(
                tuple("Acme's CEO is Dan Wu", "current"), tuple("Acme's CEO is Bob Stone", "superseded"),
                tuple("Acme's CEO is Carol Diaz", "superseded"));
        assertThat(entities.search(namespace, "who runs Acme", 5)).singleElement()
                .satisfies(found -> assertThat(found.facts()).extracting(f -> f.fact).doesNotContain(
                        "Acme's CEO is Bob Stone", "Acme's CEO is Carol Diaz"));
    }

    @Test
    void aBadFileIsRefusedWholeAndEachProblemNamesItsLine() throws IOException {
        String namespace = Namespaces.fresh();
        String good = learning(UUID.randomUUID().toString(), namespace, "Deploys freeze on Fridays", NOW);
        Path file = file(HEADER, good, "",
                good.replace("\"title\":\"Title\"", "\"title\":\" \""),
                "{\"store\": \"wiki\", \"kind\": \"page\"}",
                "{\"store\": \"knowledge\", \"kind\": \"poem\"}",
                "{\"store\": \"knowledge\", \"kind\": \"learning\", \"id\": ",
                good.replace(namespace, "no spaces allowed"));

        ImportCheck check = transfer.check(file);

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).hasSize(5);
        assertThat(check.problems().get(0)).startsWith("line 4: knowledge learning: title must not be blank");
        assertThat(check.problems().get(1)).startsWith("line 5: no store is named wiki (stores: profile, session");
        assertThat(check.problems().get(2)).isEqualTo("line 6: knowledge: no kind of record is named poem");
        assertThat(check.problems().get(3)).startsWith("line 7: not JSON");
        assertThat(check.problems().get(4)).startsWith("line 8: knowledge learning: namespace must be 1 to 64");
        assertThat(learnings.recent(namespace, 5)).isEmpty();

        assertThat(transfer.check(file("{\"lore_export\": 2, \"lore_version\": \"9.0\"}")).problems())
                .containsExactly("line 1: export format 2 is newer than this Lore reads (1): import it with the Lore "
                        + "that wrote it (9.0) or a newer one");
        assertThat(transfer.check(file(good)).problems()).singleElement().asString()
                .startsWith("line 1: not the header of a Lore export");
        assertThat(transfer.check(file("", " ")).problems()).singleElement().asString()
                .startsWith("the file is empty");
    }

    @Test
    void anExportTakesTheNamespacesAndUsersItIsGivenAndAStoreAddedAsABean() throws IOException {
        String namespace = Namespaces.fresh();
        String user = "notebook-" + UUID.randomUUID();
        Caller caller = Namespaces.caller(user, namespace);
        learnings.save(caller, new NewLearning("Kafka lag", "Consumer lag alarms fire at 10k",
                null, null));
        memories.save(caller, new NewMemory("Prefers runbooks over wikis", null));
        restore(Json.object("store", "notebook", "kind", "note", "user", user, "text", "Kafka brokers restart"));

        List<JsonNode> shared = export(new RecordFilter(List.of(namespace), List.of()));
        assertThat(shared).extracting(line -> line.get("store").asText(), line -> line.get("kind").asText())
                .containsExactly(tuple("knowledge", "learning"));
        List<JsonNode> personal = export(new RecordFilter(List.of(), List.of(user)));
        assertThat(personal).extracting(line -> line.get("store").asText(), line -> line.get("kind").asText())
                .containsExactlyInAnyOrder(tuple("memory", "memory"), tuple("notebook", "note"));
        assertThat(transfer.tally(transfer.stores(Set.of("memory", "knowledge")), new RecordFilter(List.of(namespace),
                List.of(user)))).containsOnlyKeys("memory", "knowledge")
                .satisfies(tallies -> {
                    assertThat(tallies.get("memory")).singleElement()
                            .satisfies(tally -> assertThat(tally.count()).isEqualTo(1));
                    assertThat(tallies.get("knowledge")).singleElement()
                            .satisfies(tally -> assertThat(tally.namespace()).isEqualTo(namespace));
                });
    }

    /**
     * Reads in a transaction of its own: what the test's request has read before stays in its persistence context,
     * and would hide what an import changed since.
     */
    private static <T> T fresh(Supplier<T> read) {
        return QuarkusTransaction.requiringNew().call(read::get);
    }

    private List<JsonNode> export(RecordFilter filter) throws IOException {
        StringWriter out = new StringWriter();
        transfer.export(transfer.stores(Set.of()), filter, "test", out, Progress.NONE);
        List<JsonNode> lines = new ArrayList<>();
        out.toString().lines().skip(1).map(Json::parse).forEach(lines::add);
        assertThat(Json.parse(out.toString().lines().findFirst().orElseThrow()).get("lore_export").asInt())
                .isEqualTo(Transfer.FORMAT);
        return lines;
    }

    private static String learning(String id, String namespace, String body, Instant updatedAt) {
        return Json.object("store", "knowledge", "kind", "learning", "id", id, "namespace", namespace,
                "title", "Title", "body", body, "tags", List.of("redis"), "author_user_id", "alice",
                "author_agent_id", "claude-code", "confirmations", 3, "created_at", NOW.minusSeconds(600).toString(),
                "updated_at", updatedAt.toString(), "last_confirmed_at", updatedAt.toString());
    }

    private static String fact(String namespace, String entityId, String entity, String text, Instant at) {
        return Json.object("store", "entities", "kind", "fact", "id", UUID.randomUUID().toString(),
                "namespace", namespace, "entity_id", entityId, "entity", entity, "fact", text, "attribute", "ceo",
                "status", "current", "confirmations", 1, "user_id", "bob", "agent_id", "cursor",
                "created_at", at.toString(), "last_confirmed_at", at.toString());
    }

    /** Imports the lines one by one, each checked first; answers what each did. */
    private List<Restored> restore(String... lines) throws IOException {
        List<Restored> outcomes = new ArrayList<>();
        for (String line : lines) {
            Path file = file(HEADER, line);
            ImportCheck check = transfer.check(file);
            assertThat(check.problems()).isEmpty();
            ImportReport report = transfer.restore(file, check.records(), Progress.NONE);
            assertThat(report.records()).isEqualTo(1);
            outcomes.add(List.of(Restored.values()).stream().filter(outcome -> report.total(outcome) == 1)
                    .findFirst().orElseThrow());
        }
        return outcomes;
    }

    private static Path file(String... lines) throws IOException {
        Path file = Files.createTempFile("lore-import-", ".jsonl");
        file.toFile().deleteOnExit();
        return Files.writeString(file, String.join("\n", lines) + "\n");
    }
}
