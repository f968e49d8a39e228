package dev.lore.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.decisions.DecisionService;
import dev.lore.entities.EntityService;
import dev.lore.identity.Caller;
import dev.lore.knowledge.LearningService;
import dev.lore.knowledge.NewLearning;
import dev.lore.memory.MemoryService;
import dev.lore.memory.NewMemory;
import dev.lore.profile.ProfileService;
import dev.lore.recall.RecallService;
import dev.lore.session.SessionService;
import dev.lore.store.Learned.Outcome;
import dev.lore.testing.Json;
import dev.lore.testing.Namespaces;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The learning-store protocol: every store found as a bean, recall assembled from their parts in their order and
 * shares, and extracted knowledge handed to each store by name and saved through its own rules.
 */
@QuarkusTest
class LearningStoresTest {

    @Inject
    LearningStores stores;

    @Inject
    RecallService recall;

    @Inject
    LearningService learnings;

    @Inject
    MemoryService memories;

    @Inject
    ProfileService profiles;

    @Inject
    EntityService entities;

    @Inject
    DecisionService decisions;

    @Inject
    SessionService sessions;

    static Caller caller(String prefix) {
        return Namespaces.caller(prefix + UUID.randomUUID().toString().substring(0, 8), Namespaces.fresh());
    }

    @Test
    void everyStoreIsFoundOnceInTheOrderItsPartComesInRecall() {
        assertThat(stores.inRecallOrder()).extracting(LearningStore::name).containsExactly("profile", "session",
                "memory", "entities", "notebook", "knowledge", "runbooks", "decisions", "conversations");
    }

    @Test
    void aStoreAddedAsABeanTakesItsPlaceInRecall() {
        Caller caller = caller(NotebookStore.OWNERS);
        memories.save(caller, new NewMemory("Prefers runbooks over wikis for the Kafka cluster", null));
        learnings.save(caller, new NewLearning("Kafka lag", "Consumer lag alarms fire at 10k messages", null, null));
        stores.learn(caller, "notebook", Json.parse("[{\"text\": \"Kafka brokers restart on Sundays\"}]"));

        String context = recall.context(caller, "kafka", 1500);

        assertThat(context).contains("## Notebook of " + caller.userId() + "\n- Kafka brokers restart on Sundays");
        assertThat(context.indexOf("## Remembered about")).isLessThan(context.indexOf("## Notebook of"));
        assertThat(context.indexOf("## Notebook of")).isLessThan(context.indexOf("## Team learnings"));
        assertThat(recall.context(caller(""), "kafka", 1500)).as("another user's block").doesNotContain("Notebook");
    }

    @Test
    void aPartTakesNoMoreThanItsShareOfTheBudgetAndLeavesTheRestToTheOthers() {
        Caller caller = caller(NotebookStore.OWNERS);
        learnings.save(caller, new NewLearning("Kafka lag", "Consumer lag alarms fire at 10k messages", null, null));
        stores.learn(caller, "notebook", Json.parse(IntStream.range(0, 40)
                .mapToObj(i -> Json.object("text", "Note " + i + " about the Kafka cluster and its many brokers, "
                        + "written at length so that forty of them would fill the whole block"))
                .collect(Collectors.joining(", ", "[", "]"))));
        int budget = 1000;

        String context = recall.context(caller, "kafka", budget);

        String notebook = context.substring(context.indexOf("## Notebook of"), context.indexOf("## Team learnings"));
        assertThat(notebook).contains("- Note 0 ", "- Note 1 ").doesNotContain("- Note 39 ");
        assertThat((notebook.length() + 3) / 4).isLessThanOrEqualTo((int) (budget * NotebookStore.SLOT.share()));
        assertThat(context).contains("Kafka lag: Consumer lag alarms fire at 10k messages");
    }

    @Test
    void extractedKnowledgeIsSavedThroughEachStoresOwnRules() {
        Caller caller = caller("extracted-");
        String learning = "{\"title\": \"Egress\", \"learning\": \"We're trying to reduce our cloud egress costs\"}";
        assertThat(stores.learn(caller, "knowledge", Json.parse("[" + learning + ", " + learning + "]")))
                .extracting(Learned::outcome).containsExactly(Outcome.CREATED, Outcome.REINFORCED);

        assertThat(stores.learn(caller, "memory", Json.parse("""
                [{"memory": "Is preparing a talk on Kafka for March", "topics": ["Talks"], "mood": "ignored"}]""")))
                .extracting(Learned::outcome).containsExactly(Outcome.CREATED);
        assertThat(memories.list(caller.userId(), "talks", 5)).extracting(m -> m.body)
                .containsExactly("Is preparing a talk on Kafka for March");

        JsonNode profile = Json.parse("""
                [{"field": "name", "value": "Alice Chen"}, {"field": "preferences.verbosity", "value": "concise"}]""");
        assertThat(stores.learn(caller, "profile", profile)).extracting(Learned::id, Learned::outcome)
                .containsExactly(tuple("name", Outcome.UPDATED),
                        tuple("preferences.verbosity", Outcome.UPDATED));
        assertThat(stores.learn(caller, "profile", profile)).extracting(Learned::outcome)
                .containsOnly(Outcome.UNCHANGED);
        assertThat(profiles.history(caller.userId(), 10)).hasSize(2);

        stores.learn(caller, "entities", Json.parse("""
                {"facts": [{"entity": "Acme Corp", "entity_type": "company", "fact": "The CEO is Jane Smith"}],
                 "relations": [{"from": "Alice", "relation": "works at", "to": "Acme Corp"}]}"""));
        stores.learn(caller, "entities", Json.parse("""
                {"facts": [{"entity": "ACME corp.", "fact": "The CEO is now Bob Jones"}]}"""));
        EntityService.Dossier acme = entities.get(caller.namespace(), "Acme Corp").orElseThrow();
        assertThat(acme.facts()).extracting(f -> f.fact).containsExactly("The CEO is now Bob Jones",
                "The CEO is Jane Smith");
        assertThat(entities.currentFacts(acme.entity().id)).extracting(f -> f.fact)
                .containsExactly("The CEO is now Bob Jones");
        assertThat(acme.relations()).hasSize(1);

        assertThat(stores.learn(caller, "decisions", Json.parse("""
                [{"decision": "Run Kafka with three brokers", "reasoning": "Two lost quorum last time",
                  "alternatives": ["two brokers"], "confidence": 0.8}]""")))
                .extracting(Learned::outcome).containsExactly(Outcome.CREATED);
        assertThat(decisions.search(caller.namespace(), "how many kafka brokers", 5, null, List.of()))
                .extracting(found -> found.record().decision).first().isEqualTo("Run Kafka with three brokers");

        stores.learn(caller, "session", Json.parse("""
                {"summary": "Tuning the Kafka consumers", "open_questions": ["Which partitions lag?"]}"""));
        assertThat(sessions.get(caller.userId(), caller.sessionId()).orElseThrow().openQuestions)
                .containsExactly("Which partitions lag?");
    }

    @Test
    void anInvalidItemRefusesTheWholeCallNamingIt() {
        Caller caller = caller("invalid-");
        assertThatThrownBy(() -> stores.learn(caller, "knowledge", Json.parse("""
                [{"title": "Fine", "learning": "A learning that would be saved"}, {"title": " ", "learning": "x"}]""")))
                .isInstanceOf(ConstraintViolationException.class)
                .satisfies(e -> assertThat(((ConstraintViolationException) e).getConstraintViolations())
                        .extracting(v -> v.getPropertyPath().toString()).containsExactly("knowledge[1].title"));
        assertThat(learnings.recent(caller.namespace(), 10)).isEmpty();
    }
}
