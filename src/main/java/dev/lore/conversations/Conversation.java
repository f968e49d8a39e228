package dev.lore.conversations;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.storage.RecordId;

/**
 * A conversation Lore has read: whose, through which client, how many of its turns are kept, and whether the user had
 * it forgotten. A forgotten conversation keeps this line (and no turn), so reading its transcript again keeps nothing.
 */
@Entity
@Table(name = "conversation")
public class Conversation {

    @Id
    @RecordId
    public String id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "turns_kept", nullable = false)
    public int turnsKept;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "forgotten_at")
    public Instant forgottenAt;
}
