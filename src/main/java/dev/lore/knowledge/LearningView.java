package dev.lore.knowledge;

import java.util.List;
import java.util.stream.Collectors;

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
                learning.createdAt.toString(),
                learning.lastConfirmedAt == null ? null : learning.lastConfirmedAt.toString());
    }

    /** The learning as its resource shows it. */
    String markdown() {
        return "# " + title + "\n\n" + text + "\n\n"
                + (context == null ? "" : "Context: " + context + "\n\n")
                + (tags.isEmpty() ? "" : "Tags: " + String.join(", ", tags) + "\n")
                + "Namespace: " + namespace + "\n"
                + "Saved by " + author + " (" + agent + ") at " + createdAt + "\nId: " + id + "\n";
    }

    /** A namespace's recent learnings as their resource shows them, newest first. */
    static String recentMarkdown(String namespace, List<Learning> recent) {
        String heading = "# Recent learnings in " + namespace + "\n\n";
        if (recent.isEmpty()) {
            return heading + "No learnings yet.\n";
        }
        return recent.stream().map(l -> "- **" + l.title + "** (" + l.id + ", " + l.createdAt + ", by "
                + l.authorUserId + "): " + l.body.replace('\n', ' ')).collect(Collectors.joining("\n", heading, "\n"));
    }
}
