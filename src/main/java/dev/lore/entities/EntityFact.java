package dev.lore.entities;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.identity.Caller;
import dev.lore.storage.Confirmable;
import dev.lore.storage.RecordId;

/** A fact about an entity: current, or superseded by a newer one (and then kept as history). */
@Entity
@Table(name = "entity_fact")
public class EntityFact extends Confirmable {

    static final String CURRENT = "current";
    static final String SUPERSEDED = "superseded";

    @Id
    @RecordId
    public String id;

    @Column(name = "entity_id", nullable = false)
    public String entityId;

    @Column(nullable = false)
    public String namespace;

    @Column(nullable = false)
    public String fact;

    /** What the fact is about (e.g. {@code ceo}), when the caller said so: a newer fact with it supersedes this one. */
    public String attribute;

    @Column(nullable = false)
    public String status = CURRENT;

    @Column(name = "superseded_by")
    public String supersededBy;

    @Column(name = "superseded_at")
    public Instant supersededAt;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "session_id")
    public String sessionId;

    /** A fact about the entity, recorded for the first time by the caller. */
    static EntityFact saved(Caller caller, KnownEntity entity, String fact, String attribute, Instant now) {
        EntityFact saved = new EntityFact();
        saved.entityId = entity.id;
        saved.namespace = caller.namespace();
        saved.fact = fact;
        saved.attribute = attribute;
        saved.userId = caller.userId();
        saved.agentId = caller.agentId();
        saved.sessionId = caller.sessionId();
        saved.firstSaved(now);
        return saved;
    }

    boolean isCurrent() {
        return CURRENT.equals(status);
    }
}
