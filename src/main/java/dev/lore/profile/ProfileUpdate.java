package dev.lore.profile;

import java.util.List;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** What update_profile answers: the changes made and the profile as it now is. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ProfileUpdate(String userId, String message, List<ChangeView> changes, ProfileView profile) {
}
