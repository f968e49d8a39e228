package dev.lore.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.storage.JsonListConverter;
import dev.lore.storage.JsonNodeConverter;
import dev.lore.storage.RecordId;
import dev.lore.store.Learned;

/**
 * Knowledge proposed for a store in {@code propose} mode, waiting for a person to accept, edit or reject it: what it
 * says (the store's knowledge item, as JSON), who or what proposed it, from which conversation and why, and, once
 * decided, who decided, when, and what the store did with it.
 */
@Entity
@Table(name = "proposal")
public class Proposal {

    public enum State {
        PENDING, ACCEPTED, REJECTED
    }

    @Id
    @RecordId
    public String id;

    /** The store the knowledge is for. */
    @Column(nullable = false)
    public String store;

    @Column(nullable = false)
    public String namespace;

    /** The user in whose conversation, or for whom, it was proposed. */
    @Column(name = "user_id", nullable = false)
    public String userId;

    /** The MCP client of the conversation it came from: the author of what is saved when it is accepted. */
    @Column(name = "agent_id", nullable = false)
    public String agentId;

    /** The user the knowledge belongs to when the store keeps each user's apart; {@code null} when it is shared. */
    @Column(name = "owner_id")
    public String ownerId;

    /** The agent that proposed it, or the extraction that did ("extraction by llama3.2"). */
    @Column(name = "proposed_by", nullable = false)
    public String proposedBy;

    /** Whether an agent proposed it through a tool (such an agent may not accept it). */
    @Column(name = "by_agent", nullable = false)
    public boolean byAgent;

    @Column(name = "conversation_id")
    public String conversationId;

    @Column(nullable = false)
    public String reason;

    /** The store's knowledge item, as JSON: what is saved when the proposal is accepted. */
    @Convert(converter = JsonNodeConverter.class)
    @Column(nullable = false)
    public JsonNode knowledge;

    /** Whether the reviewer changed the knowledge before accepting it. */
    @Column(nullable = false)
    public boolean edited;

    /** What the knowledge says, in plain words: what a reviewer reads, and what a new proposal is compared with. */
    @Column(nullable = false)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    /** How many times the same knowledge was proposed while this proposal stood. */
    @Column(name = "times_proposed", nullable = false)
    public int timesProposed;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    /** The reviewer's words on the decision. */
    public String note;

    /** What the store did with the knowledge, once accepted. */
    @Convert(converter = LearnedList.class)
    public List<Learned> result = new ArrayList<>();

    public boolean pending() {
        return state == State.PENDING;
    }

    @Converter
    static class LearnedList extends JsonListConverter<Learned> {
        LearnedList() {
            super(new TypeReference<>() {
            });
        }
    }
}
