package dev.lore.mcp;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.lore.storage.DatabaseOutage;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers {@code 503 Service Unavailable} with {@code Retry-After} and a sentence saying the database is out of reach,
 * where a request failed because it is (the token of every request is looked up in it, before MCP is reached): an
 * HTTP client, a load balancer and a person reading the answer can each tell "try again shortly" from a fault of
 * Lore's. Any other failure goes on to the handlers after this one.
 */
@ApplicationScoped
public class DatabaseOutageAnswer {

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext request) {
        Optional<String> message = request.failure() == null || request.response().headWritten()
                ? Optional.empty()
                : DatabaseOutage.messageFor(request.failure());
        if (message.isEmpty()) {
            request.next();
            return;
        }
        request.response().setStatusCode(503)
                .putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS))
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end(message.get() + ".\n");
    }
}
