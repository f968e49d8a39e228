package dev.lore.runbooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;
import dev.lore.search.Found;
import dev.lore.search.Saved;

/** What the runbook tools answer. */
final class RunbookAnswers {

    private RunbookAnswers() {
    }

    /** What save_runbook answers: a new runbook ({@code created}), or one more run of a stored one ({@code counted}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SavedRunbook(String id, String status, String message, RunbookView runbook) implements Answer {

        static SavedRunbook of(Saved<Runbook> saved) {
            Runbook runbook = saved.record();
            String message = saved.created()
                    ? "Saved runbook " + runbook.id + " \"" + runbook.task + "\" in namespace " + runbook.namespace + "."
                    : "Namespace " + runbook.namespace + " knew this procedure: counted one more run on runbook "
                            + runbook.id + " \"" + runbook.task + "\" (" + runbook.record() + ").";
            return new SavedRunbook(runbook.id, saved.created() ? "created" : "counted", message,
                    RunbookView.of(runbook));
        }

        @Override
        public String toText() {
            return message;
        }
    }

    /** One runbook search_runbooks found, and how well it matched. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RunbookMatch(double score, Double similarity, RunbookView runbook) {
    }

    /** What search_runbooks answers: the runbooks, best first. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RunbookSearch(String query, String namespace, int count, List<RunbookMatch> results) implements Answer {

        static RunbookSearch of(String query, String namespace, List<Found<Runbook>> found) {
            return new RunbookSearch(query, namespace, found.size(), found.stream().map(match -> new RunbookMatch(
                    match.hit().shownScore(), match.hit().shownSimilarity(), RunbookView.of(match.record()))).toList());
        }

        @Override
        public String toText() {
            if (results.isEmpty()) {
                return "No runbook of namespace " + namespace + " matches \"" + query + "\".";
            }
            StringBuilder text = new StringBuilder("Runbooks of namespace " + namespace + " for \"" + query
                    + "\", best first:\n\n");
            results.forEach(match -> text.append(match.runbook().markdown()).append('\n'));
            return text.toString();
        }
    }
}
