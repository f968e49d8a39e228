package dev.lore.conversations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;

/** What search_conversations answers. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationList(String userId, String query, int count, List<ConversationView> turns)
        implements Answer {

    @Override
    public String toText() {
        if (turns.isEmpty()) {
            return "Nothing said in " + userId + "'s past conversations matches \"" + query + "\".";
        }
        StringBuilder text = new StringBuilder("Said in " + userId + "'s past conversations, for \"" + query + "\":");
        int rank = 1;
        for (ConversationView turn : turns) {
            text.append('\n').append(rank++).append(". ").append(turn.line());
        }
        return text.toString();
    }
}
