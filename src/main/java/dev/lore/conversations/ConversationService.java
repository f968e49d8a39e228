package dev.lore.conversations;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import dev.lore.capture.CapturedTurn;
import dev.lore.capture.SecretRedactor;
import dev.lore.identity.Caller;
import dev.lore.search.Found;
import dev.lore.search.IndexEntry;
import dev.lore.search.SearchEngine;
import dev.lore.search.SearchScope;

/**
 * Conversation memory: what a user and their assistants said, turn by turn, dated by when it was said and private to
 * the user, so that search and recall reach what was said even when nobody saved it. A conversation read again keeps
 * only the turns it did not have; a forgotten one keeps nothing.
 */
@ApplicationScoped
@ActivateRequestContext
public class ConversationService {

    static final String STORE = "conversations";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final ConversationRepository conversations;
    private final ConversationTurnRepository turns;
    private final SearchEngine search;

    ConversationService(ConversationRepository conversations, ConversationTurnRepository turns, SearchEngine search) {
        this.conversations = conversations;
        this.turns = turns;
        this.search = search;
    }

    /**
     * Keeps the turns of the caller's conversation ({@link Caller#sessionId}) it does not have yet, all in one write:
     * the conversation is never half kept. Answers the turns kept now.
     */
    public List<ConversationTurn> keep(Caller caller, List<CapturedTurn> said) {
        String user = caller.userId();
        String conversationId = caller.sessionId();
        Set<String> known = turns.keysOf(user, conversationId);
        boolean forgotten = conversations.of(user, conversationId).map(c -> c.forgottenAt != null).orElse(false);
        List<CapturedTurn> fresh = forgotten ? List.of()
                : said.stream().filter(turn -> !known.contains(turn.key())).toList();
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<String> texts = fresh.stream().map(turn -> SecretRedactor.redact(turn.text())).toList();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Instant> saidAt = fresh.stream().map(turn -> turn.occurredAt() == null ? now : turn.occurredAt())
                .toList();
        List<String> indexed = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            indexed.add(indexedText(texts.get(i), saidAt.get(i)));
        }
        return search.addEach(scope(user), indexed, (write, i) -> {
            Conversation conversation = conversation(caller, write.now());
            CapturedTurn turn = fresh.get(i);
            if (conversation.forgottenAt != null || turns.count("userId = ?1 and conversationId = ?2 and turnKey = ?3",
                    user, conversationId, turn.key()) > 0) {
                return Optional.empty(); // forgotten or kept meanwhile, by another reader of the same transcript
            }
            ConversationTurn kept = new ConversationTurn();
            kept.userId = user;
            kept.conversationId = conversationId;
            kept.turnKey = turn.key();
            kept.position = turn.position();
            kept.role = turn.role();
            kept.body = texts.get(i);
            kept.createdAt = write.now();
            kept.occurredAt = saidAt.get(i);
            turns.persist(kept);
            conversation.turnsKept++;
            conversation.updatedAt = write.now();
            return Optional.of(kept);
        }, ConversationService::entryOf);
    }

    private Conversation conversation(Caller caller, Instant now) {
        return conversations.of(caller.userId(), caller.sessionId()).orElseGet(() -> {
            Conversation started = new Conversation();
            started.userId = caller.userId();
            started.conversationId = caller.sessionId();
            started.agentId = caller.agentId();
            started.createdAt = now;
            started.updatedAt = now;
            conversations.persist(started);
            return started;
        });
    }

    public List<Found<ConversationTurn>> search(String userId, String query, int limit) {
        return Found.of(search.search(scope(userId), query, limit), turns::withIds, turn -> turn.id);
    }

    /** The turns kept of one of the user's conversations, in the order they were said. */
    public List<ConversationTurn> turnsOf(String userId, String conversationId) {
        return turns.of(userId, conversationId);
    }

    /**
     * Forgets one of the user's conversations for good: its turns are deleted, and reading it again keeps nothing.
     * Answers how many turns were forgotten; empty when Lore never read that conversation.
     */
    public Optional<Integer> forget(Caller caller, String conversationId) {
        return search.write(scope(caller.userId()), write -> conversations.of(caller.userId(), conversationId)
                .map(conversation -> {
                    List<ConversationTurn> kept = new ArrayList<>(turns.of(caller.userId(), conversationId));
                    kept.forEach(turn -> {
                        write.forget(STORE, turn.id);
                        turns.delete(turn);
                    });
                    conversation.turnsKept = 0;
                    conversation.forgottenAt = write.now();
                    conversation.updatedAt = write.now();
                    return kept.size();
                }));
    }

    /**
     * What search keeps of a turn: what was said and the day it was said (so that "what did we discuss in May" finds
     * it by its words too), in its conversation, weighed by when it was said.
     */
    static IndexEntry entryOf(ConversationTurn turn) {
        return new IndexEntry(STORE, turn.id, Caller.DEFAULT_NAMESPACE, turn.userId, turn.conversationId,
                indexedText(turn.body, turn.occurredAt), List.of(), IndexEntry.savedOnce(turn.occurredAt));
    }

    static String indexedText(String said, Instant occurredAt) {
        return said + "\n" + DAY.format(occurredAt);
    }

    /** A user's conversations live in the default namespace, owned by the user: no search sees another user's. */
    static SearchScope scope(String userId) {
        return new SearchScope(STORE, Caller.DEFAULT_NAMESPACE, userId, List.of());
    }
}
