package dev.lore.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

import dev.lore.search.Confirmable;
import dev.lore.search.StringListConverter;

/** An observation about one user, private to them. */
@Entity
@Table(name = "memory")
public class Memory extends Confirmable {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
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
}
