package dev.lore.profile;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One field of a user's profile, e.g. {@code role} or {@code preferences.verbosity}; its value is JSON. */
@Entity
@Table(name = "profile_field")
@IdClass(ProfileField.Key.class)
public class ProfileField {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    public String field;

    @Column(nullable = false)
    public String value;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "agent_id", nullable = false)
    public String agentId;

    @Column(name = "session_id")
    public String sessionId;

    public static class Key implements Serializable {
        public String userId;
        public String field;

        public Key() {
        }

        Key(String userId, String field) {
            this.userId = userId;
            this.field = field;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId) && Objects.equals(field, key.field);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, field);
        }
    }
}
