package dev.lore.profile;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;

/** What update_profile answers: the changes made and the profile as it now is. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProfileUpdate(String userId, String message, List<ChangeView> changes, ProfileView profile)
        implements Answer {

    static ProfileUpdate of(String userId, List<ProfileChange> made, ProfileView profile) {
        String message = made.isEmpty() ? "Nothing changed: the profile of " + userId + " already says that."
                : "Updated the profile of " + userId + ": " + made.stream()
                        .map(c -> (c.newValue == null ? "removed " : "set ") + c.field)
                        .collect(Collectors.joining(", ")) + ".";
        return new ProfileUpdate(userId, message, made.stream().map(ChangeView::of).toList(), profile);
    }

    @Override
    public String toText() {
        return message + "\n" + profile.toText();
    }
}
