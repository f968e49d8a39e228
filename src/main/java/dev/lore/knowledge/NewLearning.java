package dev.lore.knowledge;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.store.TagName;

/**
 * A learning as an agent hands it in, or as extraction finds it in a conversation: a self-contained insight, useful to
 * anyone on the team.
 *
 * @param title a short headline
 * @param learning the insight itself: what was learned, why it matters, when it applies
 * @param context the situation it came from, or {@code null}
 * @param tags labels, or {@code null}
 */
public record NewLearning(
        @NotBlank @Size(max = TITLE_MAX) String title,
        @NotBlank @Size(max = TEXT_MAX) String learning,
        @Size(max = CONTEXT_MAX) String context,
        @Size(max = TAGS_MAX, message = "{lore.size.items}") List<@TagName String> tags) {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 8192;
    public static final int CONTEXT_MAX = 2000;
    public static final int TAGS_MAX = 20;
}
