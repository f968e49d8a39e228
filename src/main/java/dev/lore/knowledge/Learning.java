package dev.lore.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.identity.Caller;
import dev.lore.storage.Confirmable;
import dev.lore.storage.RecordId;
import dev.lore.storage.StringListConverter;
import dev.lore.store.Tags;

/** An insight that transfers across users: shared by everyone in its namespace. */
@Entity
@Table(name = "learning")
public class Learning extends Confirmable {

    @Id
    @RecordId
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

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** A learning saved for the first time, by the caller. */
    static Learning saved(Caller caller, String title, String body, String context, List<String> tags, Instant now) {
        Learning learning = new Learning();
        learning.namespace = caller.namespace();
        learning.title = title;
        learning.body = body;
        learning.context = context;
        learning.tags = tags;
        learning.authorUserId = caller.userId();
        learning.authorAgentId = caller.agentId();
        learning.sessionId = caller.sessionId();
        learning.firstSaved(now);
        learning.updatedAt = now;
        return learning;
    }

    /**
     * Folds a repeat into the learning: one confirmation more, the tags merged, and the repeat's wording when it says
     * more (a longer text); answers whether the wording changed.
     */
    boolean reinforce(String newTitle, String newBody, String newContext, List<String> newTags, Instant now) {
        confirmed(now);
        updatedAt = now;
        tags = Tags.merge(tags, newTags);
        if (newBody.length() <= body.length()) {
            return false;
        }
        title = newTitle;
        body = newBody;
        context = newContext;
        return true;
    }

    /** What the learning says: the text its meaning (vector) is taken from. */
    String meaning() {
        return meaning(title, body, context);
    }

    static String meaning(String title, String body, String context) {
        return context == null ? title + "\n" + body : title + "\n" + body + "\n" + context;
    }
}
