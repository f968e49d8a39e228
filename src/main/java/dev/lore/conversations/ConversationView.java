package dev.lore.conversations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.search.SearchHit;

/** A turn of a past conversation as tools show it, with its score and why it matched when a search found it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationView(String id, String conversationId, int position, String role, String text,
        String occurredAt, Double score, Double similarity, List<String> matchedTerms) {

    static ConversationView of(ConversationTurn turn, SearchHit hit) {
        return new ConversationView(turn.id, turn.conversationId, turn.position, turn.role, turn.body,
                turn.occurredAt.toString(), hit == null ? null : hit.shownScore(),
                hit == null ? null : hit.shownSimilarity(), hit == null ? null : hit.matchedTerms());
    }

    /** The turn on one line: when and by whom it was said, what, and where to find it. */
    String line() {
        return occurredAt.substring(0, 10) + ", " + role + ": " + text + " (" + (score == null ? ""
                : "score " + score + ", ") + "conversation " + conversationId + ", turn " + position + ")";
    }

    /** The text, cut at a word to at most {@code max} characters. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max - 1);
        return text.substring(0, space > max / 2 ? space : max - 1) + "…";
    }
}
