package dev.lore.capture;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.lore.identity.Caller;
import dev.lore.storage.KeyedWrites;
import dev.lore.store.Learned;

/**
 * The durable queue of conversations waiting to be learned from, shared by every Lore on the store. A job is claimed
 * by one worker at a time, for a lease; one that fails waits longer before each new attempt and is given up on after
 * {@link #ATTEMPTS}; one whose worker stopped waits again, at once when a Lore of the same machine starts, else once
 * its lease has passed.
 */
@ApplicationScoped
@ActivateRequestContext
public class CaptureQueue {

    static final int ATTEMPTS = 5;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    /** One key for every write to the queue: claims never race each other. */
    private static final String WRITE_KEY = "capture/queue";

    private final CaptureJobRepository jobs;
    private final KeyedWrites writes;
    private final Duration lease;

    CaptureQueue(CaptureJobRepository jobs, KeyedWrites writes,
            @ConfigProperty(name = "lore.capture.lease", defaultValue = "15m") Duration lease) {
        this.jobs = jobs;
        this.writes = writes;
        this.lease = lease;
    }

    /** Queues the turns of the caller's conversation (its session) to be learned from. */
    public CaptureJob enqueue(Caller caller, List<CapturedTurn> turns) {
        return writes.run(WRITE_KEY, () -> {
            Instant now = now();
            CaptureJob job = new CaptureJob();
            job.userId = caller.userId();
            job.agentId = caller.agentId();
            job.conversationId = caller.sessionId();
            job.turns = turns.stream().map(turn -> new CapturedTurn(turn.key(), turn.position(), turn.role(),
                    SecretRedactor.redact(turn.text()), turn.occurredAt())).toList();
            job.turnCount = turns.size();
            job.state = CaptureJob.State.QUEUED;
            job.runAfter = now;
            job.createdAt = now;
            jobs.persist(job);
            return job;
        });
    }

    /**
     * Claims the job that has waited longest among those due, for one attempt, leased to this process for
     * {@code lore.capture.lease}: a job whose lease has passed (its process stopped on another machine, or is stuck) is
     * claimed again.
     */
    public Optional<CaptureJob> claim() {
        return writes.run(WRITE_KEY, () -> jobs.nextDue(now()).map(job -> {
            job.state = CaptureJob.State.RUNNING;
            job.attempts++;
            job.runAfter = now().plus(lease);
            job.claimedBy = Worker.THIS_PROCESS.id();
            return job;
        }));
    }

    /**
     * Records what conversation memory kept of the job's turns, and how many of them were new: a later attempt starts
     * from there.
     */
    public void kept(String jobId, List<Learned> kept, int newTurns) {
        writes.run(WRITE_KEY, () -> jobs.findByIdOptional(jobId).map(job -> {
            job.learned = kept;
            job.newTurns = newTurns;
            return job;
        }));
    }

    public void done(String jobId, List<Learned> learned) {
        writes.run(WRITE_KEY, () -> jobs.findByIdOptional(jobId).map(job -> {
            job.state = CaptureJob.State.DONE;
            job.learned = learned;
            job.error = null;
            job.finishedAt = now();
            return job;
        }));
    }

    /**
     * Records a failed attempt: the job waits twice as long as before, or is given up on after its last attempt, or at
     * once when trying again cannot help ({@code retryable} false).
     */
    public void failed(String jobId, String error, boolean retryable) {
        writes.run(WRITE_KEY, () -> jobs.findByIdOptional(jobId).map(job -> {
            job.error = error;
            if (!retryable || job.attempts >= ATTEMPTS) {
                job.state = CaptureJob.State.FAILED;
                job.finishedAt = now();
            } else {
                job.state = CaptureJob.State.QUEUED;
                job.runAfter = now().plus(FIRST_RETRY.multipliedBy(1L << (job.attempts - 1)));
            }
            return job;
        }));
    }

    /**
     * Jobs that a process of this machine was running when it stopped wait again at once (their saves were all or
     * nothing); jobs that another Lore is running, here or on another machine, are left to it.
     */
    public int requeueInterrupted() {
        return writes.run(WRITE_KEY, () -> {
            Instant now = now();
            int requeued = 0;
            for (CaptureJob job : jobs.running()) {
                if (Worker.isGone(job.claimedBy)) {
                    job.state = CaptureJob.State.QUEUED;
                    job.runAfter = now;
                    requeued++;
                }
            }
            return requeued;
        });
    }

    /** One of the user's jobs. */
    public Optional<CaptureJob> job(String userId, String jobId) {
        return jobs.ofUser(jobId, userId);
    }

    /** How many jobs wait or run now. */
    @ActivateRequestContext
    public long waiting() {
        return jobs.waiting();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
