package dev.lore.decisions;

import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.store.TagName;

/**
 * A decision as an agent logs it, or as extraction finds it in a conversation.
 *
 * @param decision what was decided
 * @param reasoning why
 * @param alternatives the options weighed and not taken, or {@code null}
 * @param context the situation it was made in, or {@code null}
 * @param tags labels, or {@code null}
 * @param confidence how sure the agent was, from 0 to 1, or {@code null}
 */
public record NewDecision(
        @NotBlank @Size(max = DECISION_MAX) String decision,
        @NotBlank @Size(max = REASONING_MAX) String reasoning,
        @Size(max = ALTERNATIVES_MAX, message = "{lore.size.items}")
        List<@NotBlank @Size(max = ALTERNATIVE_MAX) String> alternatives,
        @Size(max = CONTEXT_MAX) String context,
        @Size(max = TAGS_MAX, message = "{lore.size.items}") List<@TagName String> tags,
        @DecimalMin("0") @DecimalMax("1") Double confidence) {

    public static final int DECISION_MAX = 2000;
    public static final int REASONING_MAX = 4000;
    public static final int ALTERNATIVES_MAX = 10;
    public static final int ALTERNATIVE_MAX = 500;
    public static final int CONTEXT_MAX = 2000;
    public static final int TAGS_MAX = 20;
}
