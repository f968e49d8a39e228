package dev.lore.conversations;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.storage.RecordId;

/** One turn of a conversation a user had with an assistant, as it was said (secrets redacted), private to the user. */
@Entity
@Table(name = "conversation_turn")
public class ConversationTurn {

    @Id
    @RecordId
    public String id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "conversation_id", nullable = false)
    public String conversationId;

    /** What tells the turn apart within its conversation: reading the conversation again skips a known key. */
    @Column(name = "turn_key", nullable = false)
    public String turnKey;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String role;

    @Column(nullable = false)
    public String body;

    /** When it was said (when it was captured, where the conversation does not say). */
    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
