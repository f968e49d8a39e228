package dev.lore.entities;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.storage.RecordId;

/** A directed relation between two entities of a namespace, e.g. Alice —works at→ Acme Corp. */
@Entity
@Table(name = "entity_relation")
public class EntityRelation {

    @Id
    @RecordId
    public String id;

    @Column(nullable = false)
    public String namespace;

    @Column(name = "from_id", nullable = false)
    public String fromId;

    @Column(nullable = false)
    public String relation;

    @Column(name = "relation_key", nullable = false)
    public String relationKey;

    @Column(name = "to_id", nullable = false)
    public String toId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
