package dev.lore.entities;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.storage.RecordId;

/** A company, project, person, system... that facts are about, shared within a namespace. */
@Entity
@Table(name = "entity")
public class KnownEntity {

    @Id
    @RecordId
    public String id;

    @Column(nullable = false)
    public String namespace;

    /** The name it was first given. */
    @Column(nullable = false)
    public String name;

    @Column(name = "entity_type")
    public String type;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
