package dev.lore.search;

import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.lore.search.embedding.EmbeddingSettings;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Gives vectors to what was saved while the embedding model failed ({@link KeywordFallback}): a while after such a
 * save ({@code lore.embeddings.retry-after}), and again after each try the model still fails, until none is owed. A
 * server's start looks for what an earlier run still owed, in the background, once that delay has passed.
 */
@ApplicationScoped
public class VectorCatchUp {

    private static final Logger LOG = Logger.getLogger(VectorCatchUp.class);

    private final Reembedder reembedder;
    private final EmbeddingSettings settings;
    private final long retryAfterMillis;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** When a catch-up last found the model working ({@link System#nanoTime}), once one has. */
    private volatile OptionalLong modelWorkedAt = OptionalLong.empty();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "lore-vector-catch-up");
        thread.setDaemon(true);
        return thread;
    });

    VectorCatchUp(Reembedder reembedder, EmbeddingSettings settings) {
        this.reembedder = reembedder;
        this.settings = settings;
        this.retryAfterMillis = settings.retryAfter().toMillis();
    }

    void atStart(@Observes StartupEvent start) {
        if (!settings.warmUp()) {
            return; // a command that searches nothing (lore export, lore stats) embeds nothing either
        }
        timer.schedule(() -> {
            try {
                if (reembedder.withoutVectors() > 0) {
                    catchUp();
                }
            } catch (RuntimeException e) {
                LOG.debugf("Not looked for entries owed vectors: %s", e.getMessage());
            }
        }, retryAfterMillis, TimeUnit.MILLISECONDS);
    }

    void atStop(@Observes ShutdownEvent stop) {
        timer.shutdownNow();
    }

    /** Something was saved without vectors: embed it once the retry delay has passed (once, however many ask). */
    void owed() {
        if (scheduled.compareAndSet(false, true)) {
            timer.schedule(this::catchUp, retryAfterMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether a catch-up found the model working after the given moment ({@link System#nanoTime}). */
    boolean modelWorkedSince(long nanoTime) {
        OptionalLong worked = modelWorkedAt;
        return worked.isPresent() && worked.getAsLong() - nanoTime > 0;
    }

    private void catchUp() {
        scheduled.set(false); // a save owed vectors from now on asks for a run of its own
        try {
            int embedded = reembedder.embedMissing();
            modelWorkedAt = OptionalLong.of(System.nanoTime());
            if (embedded > 0) {
                LOG.infof("The embedding model works again: %d entries saved without vectors now have them", embedded);
            }
        } catch (RuntimeException e) { // the model still fails, or the database is out of reach
            LOG.warnf("Entries saved without vectors still wait: %s", e.getMessage());
            owed();
        }
    }
}
