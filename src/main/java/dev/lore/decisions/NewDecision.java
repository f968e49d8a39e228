package dev.lore.decisions;

import java.util.List;

/** A decision as an agent logs it; validated at the MCP boundary. */
public record NewDecision(String decision, String reasoning, List<String> alternatives, String context,
        List<String> tags, Double confidence) {
}
