package dev.lore.memory;

import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;

/** What search_memories and list_memories answer. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryList(String userId, String query, String topic, int count, List<MemoryView> memories)
        implements Answer {

    static MemoryList found(String userId, String query, List<MemoryView> memories) {
        return new MemoryList(userId, query, null, memories.size(), memories);
    }

    static MemoryList listed(String userId, String topic, List<MemoryView> memories) {
        return new MemoryList(userId, null, topic, memories.size(), memories);
    }

    @Override
    public String toText() {
        String on = topic == null ? "" : " on " + topic;
        if (memories.isEmpty()) {
            return query != null ? "No memories of " + userId + " match \"" + query + "\"."
                    : "Nothing remembered about " + userId + on + " yet.";
        }
        String heading = query != null ? "Memories of " + userId + " for \"" + query + "\":"
                : "Memories of " + userId + on + ", newest first:";
        StringBuilder text = new StringBuilder(heading);
        int rank = 1;
        for (MemoryView m : memories) {
            text.append('\n').append(rank++).append(". ").append(m.line());
        }
        return text.toString();
    }

    /** The memories as the user's memories resource shows them. */
    String markdown() {
        return "# Memories of " + userId + "\n\n" + (memories.isEmpty() ? "Nothing remembered yet.\n"
                : memories.stream().map(m -> "- " + m.line()).collect(Collectors.joining("\n", "", "\n")));
    }
}
