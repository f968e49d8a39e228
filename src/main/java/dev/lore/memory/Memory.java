package dev.lore.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.identity.Caller;
import dev.lore.storage.Confirmable;
import dev.lore.storage.RecordId;
import dev.lore.storage.StringListConverter;
import dev.lore.store.Tags;

/** An observation about one user, private to them. */
@Entity
@Table(name = "memory")
public class Memory extends Confirmable {

    @Id
    @RecordId
    public String id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String body;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> topics = new ArrayList<>();

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** An observation about the caller's user, remembered for the first time. */
    static Memory remembered(Caller caller, String body, List<String> topics, Instant now) {
        Memory memory = new Memory();
        memory.userId = caller.userId();
        memory.body = body;
        memory.topics = topics;
        memory.agentId = caller.agentId();
        memory.sessionId = caller.sessionId();
        memory.firstSaved(now);
        memory.updatedAt = now;
        return memory;
    }

    /**
     * Folds a repeat into the memory: one confirmation more, the topics merged, and the repeat's wording when it says
     * more (a longer text); answers whether the wording changed.
     */
    boolean reinforce(String newBody, List<String> newTopics, Instant now) {
        confirmed(now);
        updatedAt = now;
        topics = Tags.merge(topics, newTopics);
        if (newBody.length() <= body.length()) {
            return false;
        }
        body = newBody;
        return true;
    }
}
