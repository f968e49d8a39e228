package dev.lore.conversations;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.capture.CapturedTurn;
import dev.lore.identity.Caller;
import dev.lore.search.Found;
import dev.lore.store.Learned;
import dev.lore.store.LearningStore;
import dev.lore.store.RecallPart;
import dev.lore.store.RecallRequest;
import dev.lore.store.RecallSlot;
import dev.lore.store.StoreRecords;

/**
 * Conversation memory as a learning store: it takes a captured conversation's turns as they were said, and gives
 * recall the past turns that bear on its query (none without one: the latest chatter is no context).
 */
@ApplicationScoped
public class ConversationStore implements LearningStore<CapturedTurn> {

    static final int RECALLED = 6;
    /** A recalled turn is cut here: recall points at what was said, search_conversations gives it whole. */
    static final int RECALLED_CHARS = 400;

    private final ConversationService conversations;
    private final ConversationRecords records;

    ConversationStore(ConversationService conversations, ConversationRecords records) {
        this.conversations = conversations;
        this.records = records;
    }

    @Override
    public String name() {
        return ConversationService.STORE;
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public RecallSlot recallSlot() {
        return new RecallSlot(700, 0.25);
    }

    @Override
    public RecallPart recall(RecallRequest request) {
        if (!request.hasQuery()) {
            return RecallPart.NONE;
        }
        List<String> lines = conversations.search(request.caller().userId(), request.query(), RECALLED).stream()
                .filter(found -> request.bearsOn(found.hit())).map(Found::record)
                .map(turn -> "- " + turn.occurredAt.toString().substring(0, 10) + ", " + turn.role + ": "
                        + ConversationView.cut(turn.body, RECALLED_CHARS))
                .toList();
        return lines.isEmpty() ? RecallPart.NONE
                : new RecallPart("## Said in past conversations about \"" + request.query() + "\"", lines);
    }

    @Override
    public Class<CapturedTurn> knowledgeType() {
        return CapturedTurn.class;
    }

    /** Keeps the turns of the caller's conversation (its session) that it does not have yet. */
    @Override
    public List<Learned> learn(Caller caller, List<CapturedTurn> knowledge) {
        return conversations.keep(caller, knowledge).stream()
                .map(turn -> new Learned(name(), turn.id, Learned.Outcome.CREATED)).toList();
    }

    @Override
    public StoreRecords<ConversationLine> records() {
        return records;
    }
}
