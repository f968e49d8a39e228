package dev.lore.profile;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.identity.SessionId;
import dev.lore.identity.UserId;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A line of a User Profile as {@code lore export} writes it: a field as it stands, or one change in the profile's
 * history. Values are the JSON the profile holds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = ProfileLine.Field.class, name = "field"),
        @JsonSubTypes.Type(value = ProfileLine.Change.class, name = "change") })
public sealed interface ProfileLine {

    /** A field and its value: when it was set, and by which agent. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Field(
            @NotNull @UserId String userId,
            @NotBlank @Size(max = 128) String field,
            @NotNull JsonNode value,
            @NotNull Instant updatedAt,
            @NotBlank @Size(max = 128) String agentId,
            @SessionId String sessionId) implements ProfileLine {

        static Field of(ProfileField field) {
            return new Field(field.userId, field.field, ProfileFields.read(field.value), field.updatedAt,
                    field.agentId, field.sessionId);
        }
    }

    /** One change of a field: its value before ({@code null} when it was new) and after ({@code null}: removed). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @RegisterForReflection
    record Change(
            @NotNull @UserId String userId,
            @NotBlank @Size(max = 128) String field,
            JsonNode oldValue,
            JsonNode newValue,
            @NotNull Instant changedAt,
            @NotBlank @Size(max = 128) String agentId,
            @SessionId String sessionId) implements ProfileLine {

        static Change of(ProfileChange change) {
            return new Change(change.userId, change.field, ProfileFields.read(change.oldValue),
                    ProfileFields.read(change.newValue), change.changedAt, change.agentId, change.sessionId);
        }

        ProfileChange toChange() {
            ProfileChange change = new ProfileChange();
            change.userId = userId;
            change.field = field;
            change.oldValue = stored(oldValue);
            change.newValue = stored(newValue);
            change.changedAt = changedAt;
            change.agentId = agentId;
            change.sessionId = sessionId;
            return change;
        }
    }

    /** A value as the profile stores it; JSON null (a removed value) is no value. */
    static String stored(JsonNode value) {
        return value == null || value.isNull() ? null : ProfileFields.write(value);
    }
}
