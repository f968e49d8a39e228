package dev.lore.search.entries;

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

import dev.lore.storage.Confirmable;

/**
 * The search engine's row for one item of a store, with the item's standing (search weighs an item by how many saves
 * confirmed it). The keyword index (FTS5 table or tsvector column) is kept in step with it by the database itself.
 */
@Entity
@Table(name = "search_entry")
public class SearchEntry extends Confirmable {

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

    /** Takes the standing of the record it indexes: when it was saved, how many saves confirmed it, and when last. */
    public void standAs(Confirmable record) {
        createdAt = record.createdAt;
        confirmations = record.confirmations;
        lastConfirmedAt = record.lastConfirmedAt;
    }

    public boolean sameOwnerAs(SearchEntry other) {
        return Objects.equals(ownerId, other.ownerId);
    }
}
