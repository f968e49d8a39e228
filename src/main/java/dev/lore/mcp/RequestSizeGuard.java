package dev.lore.mcp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request whose body is larger than Lore reads ({@code quarkus.http.limits.max-body-size}) before reading
 * it, with a message that names the limit and the setting, where the HTTP layer alone would answer a bare 413.
 */
@ApplicationScoped
public class RequestSizeGuard {

    /** After the DNS-rebinding guard, before authentication. */
    private static final int PRIORITY = 900;

    private final long maxBytes;

    RequestSizeGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext request) {
        String length = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long bytes;
        try {
            bytes = length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            bytes = -1; // the HTTP layer refuses a malformed length itself
        }
        if (bytes > maxBytes) {
            request.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end("Lore refused this request: its body is " + bytes + " bytes, and Lore reads at most "
                            + maxBytes + " (quarkus.http.limits.max-body-size, QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE).\n");
            return;
        }
        request.next();
    }
}
