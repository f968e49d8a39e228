package dev.lore.runbooks;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A runbook as tools answer it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunbookView(String id, String task, String steps, String outcome, String notes, List<String> tags,
        String namespace, int timesWorked, int timesFailed, String author, String createdAt, String updatedAt) {

    static RunbookView of(Runbook runbook) {
        return new RunbookView(runbook.id, runbook.task, runbook.steps, runbook.outcome, runbook.notes, runbook.tags,
                runbook.namespace, runbook.timesWorked, runbook.timesFailed, runbook.authorUserId,
                runbook.createdAt.toString(), runbook.updatedAt.toString());
    }

    /** The runbook in a few lines of Markdown. */
    String markdown() {
        return "**" + task + "** (" + id + "; worked " + timesWorked + ", failed " + timesFailed + ", last: " + outcome
                + ")\n" + steps + (notes == null ? "" : "\nNotes: " + notes) + "\n";
    }
}
