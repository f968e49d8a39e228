package dev.lore.runbooks;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.lore.store.TagName;

/**
 * A procedure as an agent hands it in, or as extraction finds it in a conversation.
 *
 * @param task what the procedure is for
 * @param steps what was done, in order
 * @param outcome how it went: worked, failed or partly
 * @param notes what to watch out for, or {@code null}
 * @param tags labels, or {@code null}
 */
public record NewRunbook(
        @NotBlank @Size(max = TASK_MAX) String task,
        @NotBlank @Size(max = STEPS_MAX) String steps,
        @NotBlank @Pattern(regexp = "(?i)worked|failed|partly", message = "{lore.runbook.outcome}") String outcome,
        @Size(max = NOTES_MAX) String notes,
        @Size(max = TAGS_MAX, message = "{lore.size.items}") List<@TagName String> tags) {

    public static final int TASK_MAX = 200;
    public static final int STEPS_MAX = 8192;
    public static final int NOTES_MAX = 2000;
    public static final int TAGS_MAX = 20;
    static final String WORKED = "worked";
    static final String FAILED = "failed";

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
