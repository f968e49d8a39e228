package dev.lore.decisions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.storage.RecordId;
import dev.lore.storage.StringListConverter;

/** A decision an agent made: what, why, the alternatives weighed, and later how it turned out. */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    @RecordId
    public String id;

    @Column(nullable = false)
    public String namespace;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(nullable = false)
    public String decision;

    @Column(nullable = false)
    public String reasoning;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> alternatives = new ArrayList<>();

    public String context;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    /** How sure the agent was, from 0 to 1. */
    public Double confidence;

    public String outcome;

    public Boolean success;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    @Column(name = "outcome_by")
    public String outcomeBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** What search matches the decision on. */
    String meaning() {
        StringBuilder text = new StringBuilder(decision).append('\n').append(reasoning);
        if (!alternatives.isEmpty()) {
            text.append("\nAlternatives: ").append(String.join("; ", alternatives));
        }
        if (context != null) {
            text.append('\n').append(context);
        }
        return text.toString();
    }
}
