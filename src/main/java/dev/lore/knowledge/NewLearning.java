package dev.lore.knowledge;

import java.util.List;

/** A learning as an agent hands it in; validated at the MCP boundary. */
public record NewLearning(String title, String learning, String context, List<String> tags) {
}
