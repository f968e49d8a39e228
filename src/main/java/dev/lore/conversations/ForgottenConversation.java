package dev.lore.conversations;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;

/** What forget_conversation answers. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ForgottenConversation(String conversationId, String userId, int turnsForgotten) implements Answer {

    @Override
    public String toText() {
        return "Forgot conversation " + conversationId + " of " + userId + " (" + turnsForgotten
                + " turns); reading it again will keep nothing.";
    }
}
