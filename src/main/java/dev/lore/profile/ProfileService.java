package dev.lore.profile;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.identity.Caller;
import dev.lore.storage.KeyedWrites;

/** User Profile: structured facts about one user, updated in place, every change kept in a history. */
@ApplicationScoped
@ActivateRequestContext
public class ProfileService {

    private final ProfileRepository fields;
    private final ProfileChangeRepository changes;
    private final KeyedWrites writes;

    ProfileService(ProfileRepository fields, ProfileChangeRepository changes, KeyedWrites writes) {
        this.fields = fields;
        this.changes = changes;
        this.writes = writes;
    }

    public ProfileView get(String userId) {
        return ProfileView.of(userId, fields.ofUser(userId));
    }

    /**
     * Sets each field to its value, or removes it when the value is JSON null; returns the changes that happened
     * (setting a field to the value it has is not a change). Agents updating one profile at once each start from what
     * the one before them committed, so every change in the history starts from the value the one before it left.
     */
    public List<ProfileChange> update(Caller caller, @ValidProfileFields Map<String, Object> fields) {
        Map<String, JsonNode> values = ProfileFields.read(fields);
        return writes.run(writeKey(caller.userId()), () -> apply(caller, values));
    }

    private List<ProfileChange> apply(Caller caller, Map<String, JsonNode> values) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<ProfileChange> made = new ArrayList<>();
        Map<String, ProfileField> stored = fields.ofUser(caller.userId()).stream()
                .collect(Collectors.toMap(f -> f.field, Function.identity()));
        values.forEach((field, value) -> {
            ProfileField current = stored.get(field);
            String oldValue = current == null ? null : current.value;
            String newValue = value.isNull() ? null : ProfileFields.write(value);
            if (Objects.equals(oldValue, newValue)) {
                return;
            }
            if (newValue == null) {
                fields.delete(current);
            } else {
                ProfileField updated = current == null ? new ProfileField() : current;
                updated.userId = caller.userId();
                updated.field = field;
                updated.value = newValue;
                updated.updatedAt = now;
                updated.agentId = caller.agentId();
                updated.sessionId = caller.sessionId();
                if (current == null) {
                    fields.persist(updated);
                }
            }
            ProfileChange change = new ProfileChange();
            change.userId = caller.userId();
            change.field = field;
            change.oldValue = oldValue;
            change.newValue = newValue;
            change.changedAt = now;
            change.agentId = caller.agentId();
            change.sessionId = caller.sessionId();
            changes.persist(change);
            made.add(change);
        });
        return made;
    }

    /** What a write to a user's profile holds: one profile's writes follow one another. */
    static String writeKey(String userId) {
        return String.join("/", "profile", userId);
    }

    public List<ProfileChange> history(String userId, int limit) {
        return changes.latest(userId, limit);
    }
}
