package dev.lore.local;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The door of a shared local server: it answers only requests that carry its token, which only its user's fronts can
 * read, so another user's process on the same machine never reaches this user's store. It also keeps count of what
 * clients are doing, for the idle stop: the last request, and the message streams open now (a connected client keeps
 * one open while it is idle).
 */
@ApplicationScoped
public class LocalServerGuard {

    /** Before everything else, the DNS-rebinding guard included. */
    private static final int PRIORITY = 1100;

    private final byte[] expected;
    private final AtomicInteger openStreams = new AtomicInteger();
    private volatile long lastActivity = System.nanoTime();

    LocalServerGuard(LocalServerSettings settings) {
        this.expected = settings.token().map(token -> ("Bearer " + token).getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    void register(@Observes Filters filters) {
        if (expected != null) {
            filters.register(this::check, PRIORITY);
        }
    }

    void check(RoutingContext request) {
        String presented = request.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (presented == null || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            request.response().setStatusCode(401).end();
            return;
        }
        lastActivity = System.nanoTime();
        if (request.request().method() == HttpMethod.GET) {
            openStreams.incrementAndGet();
            AtomicBoolean closed = new AtomicBoolean();
            Runnable close = () -> {
                if (closed.compareAndSet(false, true)) {
                    openStreams.decrementAndGet();
                    lastActivity = System.nanoTime();
                }
            };
            request.response().closeHandler(ignored -> close.run());
            request.addEndHandler(ignored -> close.run());
        } else {
            request.addEndHandler(ignored -> lastActivity = System.nanoTime());
        }
        request.next();
    }

    /** How long no client has asked anything and none has kept a stream open; 0 while one does. */
    long idleNanos() {
        return openStreams.get() > 0 ? 0 : System.nanoTime() - lastActivity;
    }
}
