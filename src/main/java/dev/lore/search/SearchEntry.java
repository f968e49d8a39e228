package dev.lore.search;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * The search engine's row for one item of a store. The keyword index (FTS5 table or tsvector column) is kept in step
 * with it by the database itself.
 */
@Entity
@Table(name = "search_entry")
public class SearchEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false)
    public String store;

    @Column(name = "item_id", nullable = false)
    public String itemId;

    @Column(nullable = false)
    public String namespace;

    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "session_pos")
    public Integer sessionPos;

    /** What the item says: the text its vector is taken from. */
    @Column(nullable = false)
    public String body;

    /** The item's tags as words, for keyword search. */
    @Column(name = "tag_text")
    public String tagText;

    /**
     * What the entry saved just before this one in its session, by the same owner, says: keyword search matches it at
     * half the weight of the entry's own words, so a reply is found by the words of the question it answers.
     */
    @Column(name = "preceding_text")
    public String precedingText;

    /** The model that made the entry's vector (written with the vector, outside this mapping). */
    @Column(name = "embedding_model", insertable = false, updatable = false)
    public String embeddingModel;

    /** How many passage vectors the entry has ({@code null}: its vector was written before passages existed). */
    @Column(insertable = false, updatable = false)
    public Integer passages;

    @ElementCollection
    @CollectionTable(name = "search_entry_tag", joinColumns = @JoinColumn(name = "entry_seq"))
    @Column(name = "tag", nullable = false)
    public Set<String> tags = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** How many saves confirmed the item (see {@link Confirmable}); search weighs it by this. */
    @Column(nullable = false)
    public int confirmations = 1;

    /** When a save last confirmed the item ({@code null} until one does: its creation counts). */
    @Column(name = "last_confirmed_at")
    public Instant lastConfirmedAt;

    boolean sameOwnerAs(SearchEntry other) {
        return Objects.equals(ownerId, other.ownerId);
    }
}
