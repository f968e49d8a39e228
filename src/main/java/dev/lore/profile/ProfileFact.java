package dev.lore.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * One fact about the user, as extraction finds it in a conversation: a profile field and its value.
 *
 * @param field a well-known field (name, preferred_name, role, company, location, timezone, languages), a preference
 *        ({@code preferences.verbosity}) or any other name (a custom field)
 * @param value text, a number, a boolean or a list of those; {@code null} removes the field
 */
public record ProfileFact(@NotBlank @Size(max = 140) String field, Object value) {
}
