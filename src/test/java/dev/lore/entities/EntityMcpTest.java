package dev.lore.entities;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.search.embedding.Embeddings;
import dev.lore.testing.McpCalls;
import dev.lore.testing.Namespaces;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class EntityMcpTest {

    @Inject
    DataSource dataSource;

    @Inject
    Embeddings embeddings;

    static List<String> facts(JsonObject entity, String part) {
        JsonArray facts = entity.getJsonArray(part);
        return facts == null ? List.of() : facts.stream().map(f -> ((JsonObject) f).getString("fact")).toList();
    }

    @Test
    void namesResolveWithoutCasePunctuationOrSpacingAndThroughAliases() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Acme Corp", "fact",
                    "Their contract renews every March", "entity_type", "Company", "aliases", List.of("ACME")));
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "acme  corp.", "fact",
                    "Support is reached at support@acme.example"));
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "acme", "fact", "They run on AWS in eu-west-1"));

            JsonObject acme = mcp.ok("get_entity", Map.of("namespace", ns, "entity", "ACME CORP"));
            assertThat(acme.getString("name")).isEqualTo("Acme Corp");
            assertThat(acme.getString("type")).isEqualTo("company");
            assertThat(facts(acme, "facts")).containsExactlyInAnyOrder("Their contract renews every March",
                    "Support is reached at support@acme.example", "They run on AWS in eu-west-1");
            assertThat(acme.getJsonArray("aliases").getList()).contains("Acme Corp", "ACME");
        }
    }

    @Test
    void aNewerContradictingFactSupersedesTheOlderWhichStaysInHistory() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            String jane = mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Initech", "fact",
                    "The CEO is Jane Smith")).getJsonObject("fact").getString("id");
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Initech", "fact", "The CTO is Bill Lumbergh"));
            JsonObject bob = mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Initech", "fact",
                    "The CEO is now Bob Jones"));
            assertThat(bob.getJsonArray("superseded")).hasSize(1);
            assertThat(bob.getJsonArray("superseded").getJsonObject(0).getString("id")).isEqualTo(jane);

            JsonObject initech = mcp.ok("get_entity", Map.of("namespace", ns, "entity", "initech"));
            assertThat(facts(initech, "facts")).containsExactlyInAnyOrder("The CEO is now Bob Jones",
                    "The CTO is Bill Lumbergh");
            assertThat(facts(initech, "history")).containsExactly("The CEO is Jane Smith");
            assertThat(initech.getJsonArray("history").getJsonObject(0).getString("superseded_by"))
                    .isEqualTo(bob.getJsonObject("fact").getString("id"));
            assertThat(mcp.ok("search_entities", Map.of("namespace", ns, "query", "who runs Initech?"))
                    .getJsonArray("results").getJsonObject(0).getJsonArray("facts").stream()
                    .map(f -> ((JsonObject) f).getString("fact")).toList()).doesNotContain("The CEO is Jane Smith");
        }
    }

    @Test
    void aFactWithTheSameAttributeSupersedesWhateverItsWording() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Globex", "fact", "Based in Springfield",
                    "attribute", "headquarters"));
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Globex", "fact",
                    "Moved its head office to Cypress Creek", "attribute", "Headquarters"));
            JsonObject globex = mcp.ok("get_entity", Map.of("namespace", ns, "entity", "Globex"));
            assertThat(facts(globex, "facts")).containsExactly("Moved its head office to Cypress Creek");
            assertThat(facts(globex, "history")).containsExactly("Based in Springfield");
        }
    }

    @Test
    void aRepeatedFactIsReinforced() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Hooli", "fact", "Hooli's CEO is Gavin Belson"));
            JsonObject again = mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "hooli", "fact",
                    "Hooli's CEO is Gavin Belson."));
            assertThat(again.getString("status")).isEqualTo("reinforced");
            assertThat(again.getJsonObject("fact").getInteger("confirmations")).isEqualTo(2);
        }
    }

    @Test
    void relationsShowFromBothEnds() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("relate_entities", Map.of("namespace", ns, "from", "Alice", "relation", "works at", "to", "Acme Corp"));
            mcp.ok("relate_entities", Map.of("namespace", ns, "from", "alice", "relation", "Works at", "to", "acme corp"));
            mcp.ok("relate_entities", Map.of("namespace", ns, "from", "billing-service", "relation", "owned by",
                    "to", "Alice"));
            JsonArray relations = mcp.ok("get_entity", Map.of("namespace", ns, "entity", "Alice"))
                    .getJsonArray("relations");
            assertThat(relations).hasSize(2);
            assertThat(relations.stream().map(r -> ((JsonObject) r).getString("from") + " " + ((JsonObject) r)
                    .getString("relation") + " " + ((JsonObject) r).getString("to")).toList())
                    .containsExactlyInAnyOrder("Alice works at Acme Corp", "billing-service owned by Alice");
            assertThat(mcp.ok("get_entity", Map.of("namespace", ns, "entity", "acme corp")).getJsonArray("relations"))
                    .hasSize(1);
        }
    }

    @Test
    void entitiesAreFoundByWhatIsKnownAboutThem() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Stripe", "fact",
                    "We use Stripe to charge customer credit cards", "entity_type", "vendor"));
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Datadog", "fact",
                    "Datadog collects our metrics and traces", "entity_type", "vendor"));
            JsonObject found = mcp.ok("search_entities", Map.of("namespace", ns, "query", "who handles our payments?"));
            assertThat(found.getJsonArray("results").getJsonObject(0).getString("name")).isEqualTo("Stripe");
            assertThat(mcp.ok("search_entities", Map.of("namespace", ns, "query", "datadog"))
                    .getJsonArray("results").getJsonObject(0).getString("name")).isEqualTo("Datadog");
        }
    }

    @Test
    void anEntitysNameGetsTheVectorOfItsNewAliasesOnceTheyAreSaved() throws SQLException {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Globex", "fact", "Globex ships our hardware"));
            String first = nameVector(ns);
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Globex", "fact", "Globex invoices quarterly",
                    "aliases", List.of("Globex Corporation")));

            assertThat(nameVector(ns)).isNotEqualTo(first);
        }
    }

    @Test
    void agentsSavingTheSameFactAboutANewEntityAtOnceMakeOneEntityWithOneFact() throws Exception {
        String ns = Namespaces.fresh();
        List<JsonObject> replies = McpCalls.atOnce(4, "save_entity_fact", agent -> Map.of("namespace", ns,
                "entity", "Umbrella Corp", "fact", "Their offices are in Raccoon City"));

        assertThat(replies).extracting(r -> r.getString("status")).containsOnlyOnce("created")
                .containsOnly("created", "reinforced");
        assertThat(entitiesIn(ns)).isEqualTo(1);
        try (McpCalls mcp = new McpCalls()) {
            assertThat(facts(mcp.ok("get_entity", Map.of("namespace", ns, "entity", "umbrella corp")), "facts"))
                    .containsExactly("Their offices are in Raccoon City");
        }
    }

    @Test
    void agentsRelatingTwoNewEntitiesAtOnceMakeEachEntityAndTheRelationOnce() throws Exception {
        String ns = Namespaces.fresh();
        McpCalls.atOnce(4, "relate_entities", agent -> Map.of("namespace", ns, "from", "Umbrella Corp",
                "relation", "based in", "to", "Raccoon City"));

        assertThat(entitiesIn(ns)).isEqualTo(2);
        try (McpCalls mcp = new McpCalls()) {
            assertThat(mcp.ok("get_entity", Map.of("namespace", ns, "entity", "Raccoon City"))
                    .getJsonArray("relations")).hasSize(1);
        }
    }

    private int entitiesIn(String namespace) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("SELECT count(*) FROM entity WHERE namespace = ?")) {
            query.setString(1, namespace);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** The stored vector of the namespace's one entity name, after checking it is the current model's. */
    private String nameVector(String namespace) throws SQLException {
        try (Connection db = dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("SELECT e.embedding_model, e.embedding FROM search_entry e "
                        + "JOIN entity n ON n.id = e.item_id WHERE e.store = 'entity' AND n.namespace = ?")) {
            query.setString(1, namespace);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the name is indexed").isTrue();
                assertThat(row.getString(1)).isEqualTo(embeddings.modelId());
                assertThat(row.getString(2)).as("the name's vector").isNotNull();
                return row.getString(2);
            }
        }
    }

    @Test
    void namespacesKeepTheirOwnFactsAndHistories() {
        String teamA = Namespaces.fresh();
        String teamB = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_entity_fact", Map.of("namespace", teamA, "entity", "Umbrella", "fact", "The CEO is Albert Wesker"));
            mcp.ok("save_entity_fact", Map.of("namespace", teamB, "entity", "Umbrella", "fact", "The CEO is Oswell Spencer"));

            assertThat(facts(mcp.ok("get_entity", Map.of("namespace", teamA, "entity", "Umbrella")), "facts"))
                    .as("another namespace's newer fact supersedes nothing here")
                    .containsExactly("The CEO is Albert Wesker");
            assertThat(facts(mcp.ok("get_entity", Map.of("namespace", teamB, "entity", "Umbrella")), "facts"))
                    .containsExactly("The CEO is Oswell Spencer");
            assertThat(mcp.error("get_entity", Map.of("namespace", Namespaces.fresh(), "entity", "Umbrella")))
                    .contains("No entity named \"Umbrella\"");
            assertThat(mcp.ok("search_entities", Map.of("namespace", teamB, "query", "Wesker")).getJsonArray("results")
                    .stream().flatMap(r -> ((JsonObject) r).getJsonArray("facts").stream())
                    .map(f -> ((JsonObject) f).getString("fact")).toList()).doesNotContain("The CEO is Albert Wesker");
        }
    }

    @Test
    void invalidInputIsNamed() {
        String ns = Namespaces.fresh();
        try (McpCalls mcp = new McpCalls()) {
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Acme", "fact", "x"));
            mcp.ok("save_entity_fact", Map.of("namespace", ns, "entity", "Initrode", "fact", "y"));
            assertThat(mcp.error("save_entity_fact", Map.of("namespace", ns, "entity", "Initrode", "fact", "z",
                    "aliases", List.of("acme")))).contains("alias 'acme' already names another entity (Acme)");
            assertThat(mcp.error("save_entity_fact", Map.of("namespace", ns, "entity", "!!!", "fact", "z")))
                    .contains("entity must contain a letter or a digit");
            assertThat(mcp.error("save_entity_fact", Map.of("namespace", ns, "entity", "Acme", "fact", "f".repeat(2001))))
                    .contains("fact must be at most 2000 characters (got 2001)");
        }
    }
}
