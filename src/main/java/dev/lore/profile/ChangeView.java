package dev.lore.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One change of a profile field: values as JSON text, absent when the field did not exist or was removed. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeView(String field, String oldValue, String newValue, String changedAt, String agent,
        String session) {

    static ChangeView of(ProfileChange change) {
        return new ChangeView(change.field, change.oldValue, change.newValue, change.changedAt.toString(),
                change.agentId, change.sessionId);
    }
}
