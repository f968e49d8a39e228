package dev.lore.capture;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One message of a conversation handed over through learn_from_conversation. Only what the user and the assistant
 * said is learned from; system and tool messages are accepted and left out.
 */
@RegisterForReflection
public record ConversationMessage(
        @NotNull @Pattern(regexp = "user|assistant|system|tool", message = "must be user, assistant, system or tool")
        String role,
        @NotNull @Size(max = CapturedTurn.TEXT_MAX) String content,
        @Size(max = 64) String timestamp,
        @Size(max = CapturedTurn.KEY_MAX) String id) {
}
