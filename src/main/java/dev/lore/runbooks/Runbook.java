package dev.lore.runbooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.identity.Caller;
import dev.lore.storage.Confirmable;
import dev.lore.storage.RecordId;
import dev.lore.storage.StringListConverter;
import dev.lore.store.Tags;

/**
 * A procedure someone in the namespace followed for a task, and how it went: the steps, whether they worked, and how
 * often the same procedure worked or failed since. A repeat (the same task and steps, by meaning) is counted on the
 * runbook instead of copied.
 */
@Entity
@Table(name = "runbook")
public class Runbook extends Confirmable {

    @Id
    @RecordId
    public String id;

    @Column(nullable = false)
    public String namespace;

    /** What the procedure is for: "rotate the staging TLS certificate". */
    @Column(nullable = false)
    public String task;

    @Column(nullable = false)
    public String steps;

    /** How it went the last time: worked, failed or partly. */
    @Column(nullable = false)
    public String outcome;

    public String notes;

    @Column(name = "times_worked", nullable = false)
    public int timesWorked;

    @Column(name = "times_failed", nullable = false)
    public int timesFailed;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    @Column(name = "author_user_id", nullable = false)
    public String authorUserId;

    @Column(name = "author_agent_id", nullable = false)
    public String authorAgentId;

    @Column(name = "session_id")
    public String sessionId;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static Runbook saved(Caller caller, NewRunbook input, List<String> tags, Instant now) {
        Runbook runbook = new Runbook();
        runbook.namespace = caller.namespace();
        runbook.task = input.task().strip();
        runbook.steps = input.steps().strip();
        runbook.notes = NewRunbook.blankToNull(input.notes());
        runbook.tags = tags;
        runbook.authorUserId = caller.userId();
        runbook.authorAgentId = caller.agentId();
        runbook.sessionId = caller.sessionId();
        runbook.outcome = "";
        runbook.firstSaved(now);
        runbook.counted(input.outcome(), now);
        return runbook;
    }

    /** Counts one more run of the procedure, and keeps its outcome as the latest. */
    void counted(String newOutcome, Instant now) {
        outcome = newOutcome.strip().toLowerCase();
        if (outcome.equals(NewRunbook.WORKED)) {
            timesWorked++;
        } else if (outcome.equals(NewRunbook.FAILED)) {
            timesFailed++;
        }
        updatedAt = now;
    }

    /** Folds a repeat in: one confirmation and one run more, tags merged, the notes of the repeat when it has some. */
    boolean reinforce(NewRunbook repeat, List<String> newTags, Instant now) {
        confirmed(now);
        counted(repeat.outcome(), now);
        tags = Tags.merge(tags, newTags);
        String newNotes = NewRunbook.blankToNull(repeat.notes());
        if (newNotes != null) {
            notes = newNotes;
        }
        return false;
    }

    /** What the runbook says: the text its meaning (vector) is taken from. */
    String meaning() {
        return meaning(task, steps);
    }

    static String meaning(String task, String steps) {
        return task + "\n" + steps;
    }

    /** How it went, in words: "worked 3 times, failed once; last: worked". */
    String record() {
        return "worked " + times(timesWorked) + ", failed " + times(timesFailed) + "; last: " + outcome;
    }

    private static String times(int count) {
        return count == 0 ? "never" : count == 1 ? "once" : count + " times";
    }
}
