package dev.lore.session;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import dev.lore.storage.StringListConverter;

/** What a user and their agent are doing in one session: summary, goals, plan, progress, open questions. */
@Entity
@Table(name = "session_context")
@IdClass(SessionContext.Key.class)
public class SessionContext {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "session_id")
    public String sessionId;

    public String summary;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> goals = new ArrayList<>();

    @Convert(converter = JsonColumn.Plan.class)
    @Column(nullable = false)
    public List<PlanStep> plan = new ArrayList<>();

    @Convert(converter = JsonColumn.Progress.class)
    @Column(nullable = false)
    public List<ProgressNote> progress = new ArrayList<>();

    @Convert(converter = StringListConverter.class)
    @Column(name = "open_questions", nullable = false)
    public List<String> openQuestions = new ArrayList<>();

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static class Key implements Serializable {
        public String userId;
        public String sessionId;

        public Key() {
        }

        Key(String userId, String sessionId) {
            this.userId = userId;
            this.sessionId = sessionId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId)
                    && Objects.equals(sessionId, key.sessionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, sessionId);
        }
    }
}
