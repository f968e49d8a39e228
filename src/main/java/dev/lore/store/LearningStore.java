package dev.lore.store;

import java.util.List;
import java.util.Optional;

import dev.lore.identity.Caller;

/**
 * A learning store: one kind of knowledge Lore keeps (the user's profile, their memories, a session's context,
 * entities, learnings, decisions, or a store a team adds). Every store takes part in Lore's work the same way: it
 * contributes its part to the recall context, and it takes knowledge extracted from a conversation and saves it
 * through its own rules. Its MCP tools and resources are its MCP class's (annotated tools are found by the MCP
 * server; a store may register more through the server's programmatic API). Stores are CDI beans: the registry
 * ({@link LearningStores}) finds every one, so adding a store touches no other code.
 *
 * @param <K> one item of the knowledge this store takes from an extraction, as a model fills it in (a JSON object of
 *        this type, whose schema tells the model what to give)
 */
public interface LearningStore<K> {

    /** The store's name, the same in configuration, extraction and answers: {@code profile}, {@code memory}, ... */
    String name();

    /** Where the store's part stands in the recall context, and how much of the budget it may take. */
    RecallSlot recallSlot();

    /** The store's part of the recall context for this request; {@link RecallPart#NONE} when it has nothing to add. */
    RecallPart recall(RecallRequest request);

    /**
     * Whether the store keeps each user's knowledge apart (a profile, memories) rather than sharing it within a
     * namespace: what is proposed for it is then reviewed by that user alone.
     */
    default boolean personal() {
        return false;
    }

    /** The type of one item of knowledge this store takes. */
    Class<K> knowledgeType();

    /**
     * What a model reading a conversation should give this store, in a sentence or two beside the schema of
     * {@link #knowledgeType()} ("stable facts about the user: ..."); empty when no model fills this store.
     */
    default Optional<String> extractionGuide() {
        return Optional.empty();
    }

    /**
     * Saves knowledge extracted from a conversation with the caller, through the store's own rules (a near-duplicate
     * reinforces, a newer fact supersedes, a profile change is kept in the history), and says what each item did. The
     * registry ({@link LearningStores#learn}) validates every item first, with the store's constraints: an invalid one
     * refuses the whole call, and nothing is saved.
     */
    List<Learned> learn(Caller caller, List<K> knowledge);

    /** The store's records as {@code lore export} writes them and {@code lore import} puts them back. */
    StoreRecords<?> records();
}
