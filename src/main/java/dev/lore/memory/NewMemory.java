package dev.lore.memory;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.store.TagName;

/**
 * An observation about the user as an agent hands it in, or as extraction finds it in a conversation.
 *
 * @param memory the observation, in a sentence or two
 * @param topics what it is about, or {@code null}
 */
public record NewMemory(
        @NotBlank @Size(max = TEXT_MAX) String memory,
        @Size(max = TOPICS_MAX, message = "{lore.size.items}") List<@TagName String> topics) {

    public static final int TEXT_MAX = 4000;
    public static final int TOPICS_MAX = 10;
}
