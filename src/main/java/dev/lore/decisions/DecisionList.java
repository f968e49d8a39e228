package dev.lore.decisions;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;

/** What search_decisions and list_decisions answer. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionList(String namespace, String query, String since, String agentId, int count,
        List<DecisionView> decisions) implements Answer {

    static DecisionList found(String namespace, String query, String agentId, List<DecisionView> decisions) {
        return new DecisionList(namespace, query, null, agentId, decisions.size(), decisions);
    }

    static DecisionList listed(String namespace, String since, String agentId, List<DecisionView> decisions) {
        return new DecisionList(namespace, null, since, agentId, decisions.size(), decisions);
    }

    @Override
    public String toText() {
        StringBuilder text = new StringBuilder(query != null ? searchHeading() : listHeading());
        int rank = 1;
        for (DecisionView d : decisions) {
            text.append('\n').append(rank++).append(". ").append(d.describe());
        }
        return text.toString();
    }

    private String searchHeading() {
        return decisions.isEmpty() ? "No decisions in namespace " + namespace + " match \"" + query + "\"."
                : "Decisions for \"" + query + "\" in namespace " + namespace + ":";
    }

    private String listHeading() {
        return decisions.isEmpty() ? "No decisions in namespace " + namespace + (since == null ? "" : " since " + since)
                + "." : "Decisions in namespace " + namespace + ", newest first:";
    }
}
