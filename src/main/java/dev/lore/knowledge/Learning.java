package dev.lore.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.UuidGenerator;

import dev.lore.search.StringListConverter;

/** An insight that transfers across users: shared by everyone in its namespace. */
@Entity
@Table(name = "learning")
public class Learning {

    @Id
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    public String id;

    @Column(nullable = false)
    public String namespace;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    public String context;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    @Column(name = "author_user_id", nullable = false)
    public String authorUserId;

    @Column(name = "author_agent_id", nullable = false)
    public String authorAgentId;

    @Column(name = "session_id")
    public String sessionId;

    /** How many times this learning was saved: once, plus once per near-duplicate that reinforced it. */
    @Column(nullable = false)
    public int confirmations = 1;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "last_confirmed_at")
    public Instant lastConfirmedAt;

    /** What the learning says: the text its meaning (vector) is taken from. */
    String meaning() {
        return meaning(title, body, context);
    }

    static String meaning(String title, String body, String context) {
        return context == null ? title + "\n" + body : title + "\n" + body + "\n" + context;
    }
}
