package dev.lore.capture;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.identity.Caller;
import dev.lore.store.Learned;
import dev.lore.store.LearningStores;
import io.quarkus.scheduler.Scheduled;

/**
 * Learns from the queued conversations in the background, one job at a time, so that whoever handed a conversation
 * over never waits for it. Without a model, a conversation's turns go to conversation memory, where search and recall
 * find them.
 */
@ApplicationScoped
public class CaptureWorker {

    private static final Logger LOG = Logger.getLogger(CaptureWorker.class);
    /** The store that keeps what was said, turn by turn. */
    static final String CONVERSATIONS = "conversations";

    private final CaptureQueue queue;
    private final LearningStores stores;
    private final ObjectMapper json;
    /** Whether the jobs a stopped Lore was running wait again: the first round does it, once the store is migrated. */
    private boolean resumed;

    CaptureWorker(CaptureQueue queue, LearningStores stores, ObjectMapper json) {
        this.queue = queue;
        this.stores = stores;
        this.json = json;
    }

    @Scheduled(every = "${lore.capture.poll:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void work() {
        if (!resumed) {
            int interrupted = queue.requeueInterrupted();
            if (interrupted > 0) {
                LOG.infof("%d conversation(s) interrupted while being learned from wait again", interrupted);
            }
            resumed = true;
        }
        for (Optional<CaptureJob> next = queue.claim(); next.isPresent(); next = queue.claim()) {
            learnFrom(next.get());
        }
    }

    private void learnFrom(CaptureJob job) {
        Caller caller = new Caller(job.userId, job.agentId, job.conversationId, Caller.DEFAULT_NAMESPACE);
        try {
            List<Learned> learned = stores.learn(caller, CONVERSATIONS, json.valueToTree(job.turns));
            queue.done(job.id, learned);
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("Learning from conversation %s (job %s, attempt %d) failed: %s", job.conversationId, job.id,
                    job.attempts, reason);
            queue.failed(job.id, reason);
        }
    }
}
