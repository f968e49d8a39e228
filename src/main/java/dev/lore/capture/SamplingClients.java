package dev.lore.capture;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.identity.Caller;
import io.quarkiverse.mcp.server.Sampling;

/**
 * The clients that handed a conversation over and offered their own model (MCP sampling): extraction may ask that
 * model when no model is configured. An offer lives as long as this Lore runs, and is only as good as the client's
 * connection: it is not kept in the store, so a job tried after a restart has none.
 */
@ApplicationScoped
public class SamplingClients {

    /** A client's model, as the client offered it for one conversation. */
    public record Offer(String clientName, Sampling sampling) {
    }

    /**
     * How long a call that offered its client's model stays open for it: a client's model can only be asked while the
     * client's request is open, and clients give up on a tool call after a minute or so.
     */
    static final Duration WAIT = Duration.ofSeconds(50);

    private final Map<String, Offer> offers = new ConcurrentHashMap<>();
    /** Whether extraction would ask an offered model: not when a model is configured. */
    private volatile boolean wanted = true;

    /** Says whether extraction asks the clients' models (it does when no model is configured). */
    public void wanted(boolean asked) {
        wanted = asked;
    }

    /**
     * Keeps the client's offer for the caller's conversation (before its job is queued, so the worker never finds the
     * job without it), when the client declared sampling and extraction would ask it; says whether it kept it.
     */
    boolean offer(Caller caller, Sampling sampling) {
        if (!wanted || sampling == null || !sampling.isSupported()) {
            return false;
        }
        offers.put(keyOf(caller.userId(), caller.sessionId()), new Offer(caller.agentId(), sampling));
        return true;
    }

    public Optional<Offer> forJob(CaptureJob job) {
        return Optional.ofNullable(offers.get(keyOf(job.userId, job.conversationId)));
    }

    /** Forgets the offer once the conversation's job is done with. */
    public void done(CaptureJob job) {
        offers.remove(keyOf(job.userId, job.conversationId));
    }

    private static String keyOf(String userId, String conversationId) {
        return userId + "/" + conversationId;
    }
}
