package dev.lore.profile;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of one profile field: its old and new value (JSON, {@code null} when absent), when and by whom. */
@Entity
@Table(name = "profile_change")
public class ProfileChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String field;

    @Column(name = "old_value")
    public String oldValue;

    @Column(name = "new_value")
    public String newValue;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "session_id")
    public String sessionId;
}
