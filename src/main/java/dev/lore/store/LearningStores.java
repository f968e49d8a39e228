package dev.lore.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.capture.SecretRedactor;
import dev.lore.identity.Caller;
import io.quarkus.arc.All;

/**
 * Every learning store Lore runs, found as CDI beans: the built-in ones and any a team adds. Recall asks them in the
 * order they declare; extraction hands each its knowledge by name.
 */
@ApplicationScoped
public class LearningStores {

    private final List<LearningStore<?>> stores;
    private final StoreModes modes;
    private final ObjectMapper json;
    private final Validator validator;

    LearningStores(@All List<LearningStore<?>> stores, StoreModes modes, ObjectMapper json, Validator validator) {
        this.stores = stores.stream().sorted(Comparator.comparingInt(store -> store.recallSlot().order())).toList();
        Set<String> names = new HashSet<>();
        stores.forEach(store -> {
            if (!names.add(store.name())) {
                throw new IllegalStateException("Two learning stores are named " + store.name());
            }
        });
        modes.stores().keySet().stream().filter(name -> !names.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalStateException("lore.stores." + name + ".mode names no learning store (stores: "
                    + String.join(", ", this.stores.stream().map(LearningStore::name).toList()) + ")");
        });
        this.modes = modes;
        this.stores.stream().filter(store -> modesOf(store).containsAll(
                List.of(StoreModes.Mode.ALWAYS, StoreModes.Mode.PROPOSE))).findFirst().ifPresent(store -> {
                    throw new IllegalStateException("lore.stores." + store.name() + ".mode lists both always and "
                            + "propose, which say opposite things of what a model finds for it: keep one");
                });
        this.json = json;
        this.validator = validator;
    }

    /** Every store, on or off, in the order their parts come in the recall context. */
    public List<LearningStore<?>> inRecallOrder() {
        return stores;
    }

    /** The stores that take part (not {@code off}), in recall order. */
    public List<LearningStore<?>> working() {
        return stores.stream().filter(store -> !modesOf(store).contains(StoreModes.Mode.OFF)).toList();
    }

    /** Whether the store learns from every conversation ({@code always}). */
    public boolean always(LearningStore<?> store) {
        return modesOf(store).contains(StoreModes.Mode.ALWAYS) && !modesOf(store).contains(StoreModes.Mode.OFF);
    }

    /** Whether agents' saves through the store's tools count at once ({@code agentic}). */
    public boolean agentic(LearningStore<?> store) {
        return modesOf(store).contains(StoreModes.Mode.AGENTIC) && !modesOf(store).contains(StoreModes.Mode.OFF);
    }

    /** Whether what a model finds for the store waits for a person's review ({@code propose}). */
    public boolean proposes(LearningStore<?> store) {
        return modesOf(store).contains(StoreModes.Mode.PROPOSE) && !modesOf(store).contains(StoreModes.Mode.OFF);
    }

    /** Whether agents reach the store through its tools: to save ({@code agentic}) or to propose. */
    public boolean hasTools(LearningStore<?> store) {
        return agentic(store) || proposes(store);
    }

    /** Whether an agent's save through its tools becomes a proposal: {@code propose} without {@code agentic}. */
    public boolean proposesToolSaves(LearningStore<?> store) {
        return proposes(store) && !agentic(store);
    }

    /** A store no setting names is agentic: one a team adds works through its tools until configured otherwise. */
    private List<StoreModes.Mode> modesOf(LearningStore<?> store) {
        StoreModes.Store configured = modes.stores().get(store.name());
        return configured == null ? List.of(StoreModes.Mode.AGENTIC) : configured.mode();
    }

    public Optional<LearningStore<?>> named(String name) {
        return stores.stream().filter(store -> store.name().equals(name)).findFirst();
    }

    /**
     * Hands a store knowledge as a model gives it: a JSON array of items of the store's knowledge type (fields the
     * type does not have are ignored), secrets redacted. Every item is checked first, with the rules of the store's
     * tools: when one is invalid, nothing is saved and the violations name the item ({@code knowledge[1].title}).
     */
    public List<Learned> learn(Caller caller, String storeName, JsonNode knowledge) {
        return check(storeName, knowledge).save(caller);
    }

    /**
     * Reads and checks knowledge for a store, as {@link #learn} does, without saving it: what several stores take from
     * one conversation is all checked before any of it is saved.
     *
     * @throws ConstraintViolationException naming each invalid item
     */
    public Checked<?> check(String storeName, JsonNode knowledge) {
        LearningStore<?> store = named(storeName)
                .orElseThrow(() -> new IllegalArgumentException("No learning store is named " + storeName));
        return check(store, knowledge);
    }

    private <K> Checked<K> check(LearningStore<K> store, JsonNode knowledge) {
        JsonNode redacted = knowledge.deepCopy();
        SecretRedactor.redact(redacted);
        List<K> items = new ArrayList<>();
        for (JsonNode item : redacted.isArray() ? redacted : json.createArrayNode().add(redacted)) {
            items.add(json.convertValue(item, store.knowledgeType()));
        }
        Set<ConstraintViolation<KnowledgeItems<K>>> violations = validator.validate(new KnowledgeItems<>(items));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(new LinkedHashSet<>(violations));
        }
        return new Checked<>(store, items);
    }

    /** Knowledge read and checked for one store, ready to be saved through the store's rules. */
    public record Checked<K>(LearningStore<K> store, List<K> items) {

        public List<Learned> save(Caller caller) {
            return items.isEmpty() ? List.of() : store.learn(caller, items);
        }
    }

    /** The items handed to one store, validated together so that a violation names its item. */
    record KnowledgeItems<K>(List<@Valid K> knowledge) {
    }
}
