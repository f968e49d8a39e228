package dev.lore.profile;

import java.util.List;
import java.util.stream.Collectors;

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

    /** A profile's latest changes as its history resource shows them, newest first. */
    static String historyMarkdown(String userId, List<ProfileChange> changes) {
        return "# Profile history of " + userId + "\n\n" + (changes.isEmpty() ? "No changes yet.\n" : changes.stream()
                .map(c -> "- " + c.changedAt + " `" + c.field + "`: " + (c.oldValue == null ? "(unset)" : c.oldValue)
                        + " → " + (c.newValue == null ? "(removed)" : c.newValue) + " (by " + c.agentId
                        + (c.sessionId == null ? "" : ", session " + c.sessionId) + ")")
                .collect(Collectors.joining("\n", "", "\n")));
    }
}
