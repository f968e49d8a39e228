package dev.lore.memory;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** That a memory was forgotten: when and by whom. What it said is gone with it. */
@Entity
@Table(name = "memory_audit")
public class MemoryAudit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "memory_id", nullable = false)
    public String memoryId;

    @Column(nullable = false)
    public String action;

    @Column(name = "happened_at", nullable = false)
    public Instant happenedAt;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "session_id")
    public String sessionId;
}
