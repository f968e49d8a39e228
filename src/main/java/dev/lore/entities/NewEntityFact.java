package dev.lore.entities;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A fact about a named thing, as an agent records it.
 *
 * @param entity the entity's name or one of its aliases
 * @param fact a sentence that stands alone
 * @param entityType company, project, person, system..., or {@code null}
 * @param aliases other names of the entity, or {@code null}
 * @param attribute what the fact is about (ceo, headquarters), or {@code null}: a later fact with the same attribute
 *        supersedes it
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NewEntityFact(
        @NotBlank @Size(max = NAME_MAX) @HasLetterOrDigit String entity,
        @NotBlank @Size(max = FACT_MAX) String fact,
        @Pattern(regexp = TYPE_PATTERN, message = "{lore.entity-type}") String entityType,
        @Size(max = ALIASES_MAX, message = "{lore.size.items}")
        List<@NotBlank @Size(max = NAME_MAX) @HasLetterOrDigit String> aliases,
        @Pattern(regexp = ATTRIBUTE_PATTERN, message = "{lore.attribute}") String attribute) {

    public static final int NAME_MAX = 200;
    public static final int FACT_MAX = 2000;
    public static final int ALIASES_MAX = 10;
    public static final String TYPE_PATTERN = "[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,49}";
    public static final String ATTRIBUTE_PATTERN = "[A-Za-z][A-Za-z0-9_ -]{0,63}";
}
