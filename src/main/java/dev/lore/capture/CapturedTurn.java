package dev.lore.capture;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One turn of a captured conversation: what the user or the assistant said, and when.
 *
 * @param key what tells the turn apart within its conversation (a transcript's message id, or one derived from the
 *        turn's place and words): reading the conversation again skips the turns whose key is known
 * @param position the turn's place in the conversation, from 0
 * @param role {@code user} or {@code assistant}
 * @param text what was said, secrets redacted
 * @param occurredAt when it was said, or {@code null} when the conversation does not say
 */
@RegisterForReflection
public record CapturedTurn(
        @NotBlank @Size(max = CapturedTurn.KEY_MAX) String key,
        int position,
        @NotBlank @Pattern(regexp = "user|assistant", message = "must be user or assistant") String role,
        @NotBlank @Size(max = CapturedTurn.TEXT_MAX) String text,
        Instant occurredAt) {

    public static final int KEY_MAX = 128;
    /** Longer turns are cut to this length when a transcript is read, and refused from a tool call. */
    public static final int TEXT_MAX = 20_000;
}
