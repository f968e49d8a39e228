package dev.lore.extraction;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.capture.CaptureJob;
import dev.lore.capture.CaptureQueue;
import dev.lore.capture.SamplingClients;
import dev.lore.identity.Caller;
import dev.lore.store.Learned;
import dev.lore.store.LearningStores;
import io.quarkus.scheduler.Scheduled;

/**
 * Learns from the queued conversations in the background, one job at a time, so that whoever handed a conversation
 * over never waits for it. First a conversation's turns go to conversation memory (no model needed), where search and
 * recall find them; then a model distils the new turns into the configured stores: the configured model, else the
 * model of the client that handed the conversation over, when it offered one (MCP sampling). A configured model that
 * cannot be reached leaves the job to be tried again later; the turns kept stay kept.
 */
@ApplicationScoped
public class LearningWorker {

    private static final Logger LOG = Logger.getLogger(LearningWorker.class);
    /** The store that keeps what was said, turn by turn. */
    static final String CONVERSATIONS = "conversations";

    private final CaptureQueue queue;
    private final LearningStores stores;
    private final Extractor extractor;
    private final ExtractionModel configured;
    private final SamplingClients samplingClients;
    private final ExtractionSettings settings;
    private final ObjectMapper json;
    /** Whether the jobs a stopped Lore was running wait again: the first round does it, once the store is migrated. */
    private boolean resumed;

    LearningWorker(CaptureQueue queue, LearningStores stores, Extractor extractor, ExtractionModel configured,
            SamplingClients samplingClients, ExtractionSettings settings, ObjectMapper json) {
        this.queue = queue;
        this.stores = stores;
        this.extractor = extractor;
        this.configured = configured;
        this.samplingClients = samplingClients;
        this.settings = settings;
        samplingClients.wanted(configured.name().isEmpty());
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
            if (job.newTurns == null) { // a job tried before kept its turns then
                boolean kept = stores.named(CONVERSATIONS).filter(stores::always).isPresent();
                job.learned = kept ? stores.learn(caller, CONVERSATIONS, json.valueToTree(job.turns)) : List.of();
                job.newTurns = kept ? job.learned.size() : job.turns.size(); // without it, every turn is new
                queue.kept(job.id, job.learned, job.newTurns);
            }
            List<Learned> learned = new ArrayList<>(job.learned);
            Optional<AskedModel> model = configured.asked().or(() -> samplingClients.forJob(job)
                    .map(offer -> SamplingChatModel.of(offer, settings.timeout())));
            if (model.isPresent()) {
                learned.addAll(extractor.learn(caller, job.turns, job.newTurns, model.get()));
            }
            queue.done(job.id, learned);
            samplingClients.done(job);
        } catch (ExtractionFailedException e) {
            LOG.warnf("Learning from conversation %s (job %s, attempt %d) failed: %s", job.conversationId, job.id,
                    job.attempts, e.getMessage());
            queue.failed(job.id, e.getMessage(), e.retryable());
            if (!e.retryable()) {
                samplingClients.done(job);
            }
        } catch (RuntimeException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("Learning from conversation %s (job %s, attempt %d) failed: %s", job.conversationId, job.id,
                    job.attempts, reason);
            queue.failed(job.id, reason, true);
        }
    }
}
