package dev.lore.capture;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;
import dev.lore.store.Learned;

/** A conversation handed over to be learned from, as learn_from_conversation and get_learning_job answer it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LearningJobView(String jobId, String conversationId, String userId, String state, int turns,
        int attempts, String createdAt, String finishedAt, String retryAfter, Map<String, Integer> learned,
        List<Learned> records, String error) implements Answer {

    static LearningJobView of(CaptureJob job) {
        Map<String, Integer> perStore = new TreeMap<>();
        job.learned.stream().filter(item -> item.outcome() != Learned.Outcome.PROPOSED
                && item.outcome() != Learned.Outcome.REJECTED_BEFORE).forEach(item -> perStore.merge(item.store(), 1, Integer::sum));
        boolean waiting = job.state == CaptureJob.State.QUEUED && job.attempts > 0;
        return new LearningJobView(job.id, job.conversationId, job.userId, job.state.name().toLowerCase(),
                job.turnCount, job.attempts, job.createdAt.toString(),
                job.finishedAt == null ? null : job.finishedAt.toString(),
                waiting ? job.runAfter.toString() : null, job.state == CaptureJob.State.DONE ? perStore : null,
                job.state == CaptureJob.State.DONE ? job.learned : null, job.error);
    }

    /** What waits for a person's review, as the answer's text says it. */
    private String proposals() {
        long proposed = records.stream().filter(item -> item.outcome() == Learned.Outcome.PROPOSED).count();
        return proposed == 0 ? "" : " " + proposed + " proposed for review (lore review, or list_proposals).";
    }

    @Override
    public String toText() {
        String about = "Conversation " + conversationId + " (" + turns + " turns, job " + jobId + ")";
        return switch (state) {
            case "queued" -> about + (attempts == 0 ? " is queued: Lore learns from it in the background. Ask "
                    + "get_learning_job with this job_id for the result."
                    : " waits to be tried again after " + retryAfter + " (attempt " + attempts + " failed: " + error
                            + ").");
            case "running" -> about + " is being learned from now.";
            case "done" -> about + " was learned from: " + (learned.isEmpty() ? "nothing new (every turn was kept "
                    + "already)." : learned.entrySet().stream().map(e -> e.getValue() + " new in " + e.getKey())
                            .reduce((a, b) -> a + ", " + b).orElse("") + ".") + proposals();
            default -> about + " could not be learned from after " + attempts + " attempts: " + error;
        };
    }
}
