package dev.lore.knowledge;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;
import dev.lore.search.Found;

/** What search_learnings answers: the results, best first. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningSearch(String query, String namespace, int count, List<LearningMatch> results) implements Answer {

    static LearningSearch of(String query, String namespace, List<Found<Learning>> found) {
        List<LearningMatch> results = found.stream().map(LearningMatch::of).toList();
        return new LearningSearch(query, namespace, results.size(), results);
    }

    @Override
    public String toText() {
        if (results.isEmpty()) {
            return "No learnings in namespace " + namespace + " match \"" + query + "\".";
        }
        StringBuilder text = new StringBuilder("Found ").append(count).append(count == 1 ? " learning" : " learnings")
                .append(" for \"").append(query).append("\" in namespace ").append(namespace).append(":\n");
        int rank = 1;
        for (LearningMatch m : results) {
            text.append(rank++).append(". ").append(m.title()).append(" (score ").append(m.score());
            if (m.similarity() != null) {
                text.append(", similarity ").append(m.similarity());
            }
            text.append(", id ").append(m.id()).append(")\n   ").append(m.text().replace("\n", "\n   ")).append('\n');
            if (!m.tags().isEmpty()) {
                text.append("   tags: ").append(String.join(", ", m.tags())).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }
}
