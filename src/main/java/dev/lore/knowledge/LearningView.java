package dev.lore.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A learning as tools and resources show it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningView(String id, String title, String text, String context, List<String> tags, String namespace,
        String author, String agent, int confirmations, String createdAt, String lastConfirmedAt) {

    static LearningView of(Learning learning) {
        return new LearningView(learning.id, learning.title, learning.body, learning.context, learning.tags,
                learning.namespace, learning.authorUserId, learning.authorAgentId, learning.confirmations,
                learning.createdAt.toString(), learning.lastConfirmedAt == null ? null : learning.lastConfirmedAt.toString());
    }
}
