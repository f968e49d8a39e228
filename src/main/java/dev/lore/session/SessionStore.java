package dev.lore.session;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.identity.Caller;
import dev.lore.store.Learned;
import dev.lore.store.LearningStore;
import dev.lore.store.RecallPart;
import dev.lore.store.RecallRequest;
import dev.lore.store.RecallSlot;
import dev.lore.store.StoreRecords;

/** Session Context as a learning store: where the caller's session stands, line by line. */
@ApplicationScoped
public class SessionStore implements LearningStore<SessionChanges> {

    private final SessionService sessions;
    private final SessionRecords records;

    SessionStore(SessionService sessions, SessionRecords records) {
        this.sessions = sessions;
        this.records = records;
    }

    @Override
    public String name() {
        return "session";
    }

    @Override
    public boolean personal() {
        return true;
    }

    @Override
    public RecallSlot recallSlot() {
        return new RecallSlot(200, 0.4);
    }

    @Override
    public RecallPart recall(RecallRequest request) {
        return sessions.get(request.caller().userId(), request.caller().sessionId())
                .map(context -> new RecallPart("## This session", SessionView.of(context).toText().lines().toList()))
                .orElse(RecallPart.NONE);
    }

    @Override
    public Class<SessionChanges> knowledgeType() {
        return SessionChanges.class;
    }

    @Override
    public Optional<String> extractionGuide() {
        return Optional.of("""
            What this conversation is about and where it stands: a summary, its goals, the plan's steps with their \
            state (todo, doing, done), progress notes and open questions. At most one item.""");
    }

    @Override
    public List<Learned> learn(Caller caller, List<SessionChanges> knowledge) {
        return knowledge.stream().map(changes -> sessions.update(caller, changes))
                .map(context -> new Learned(name(), context.sessionId, Learned.Outcome.UPDATED)).toList();
    }

    @Override
    public StoreRecords<SessionLine> records() {
        return records;
    }
}
