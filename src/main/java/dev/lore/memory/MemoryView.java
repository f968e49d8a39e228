package dev.lore.memory;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.search.SearchHit;

/** A memory as tools and resources show it; a search result also carries its score and why it matched. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemoryView(String id, String memory, List<String> topics, String userId, String agent, int confirmations,
        String createdAt, String lastConfirmedAt, Double score, Double similarity, List<String> matchedTerms) {

    static MemoryView of(Memory m) {
        return of(m, null);
    }

    static MemoryView of(Memory m, SearchHit hit) {
        return new MemoryView(m.id, m.body, m.topics, m.userId, m.agentId, m.confirmations, m.createdAt.toString(),
                m.lastConfirmedAt.toString(), hit == null ? null : hit.shownScore(),
                hit == null ? null : hit.shownSimilarity(),
                hit == null ? null : hit.matchedTerms());
    }

    /** The memory on one line: what it says, its score when a search found it, its date, topics and id. */
    String line() {
        return memory + " (" + (score == null ? "" : "score " + score + ", ") + createdAt
                + (topics.isEmpty() ? "" : ", topics: " + String.join(", ", topics)) + ", id " + id + ")";
    }
}
