package dev.lore.operations;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.lore.search.Reembedder;

/**
 * Readiness: Lore is ready when its embedding model embeds (the in-process model loaded, or the Ollama server answers
 * with the configured model). Without it saves and searches fail, so a load balancer should not send requests. The
 * database has its own check, from the datasource.
 */
@Readiness
@ApplicationScoped
public class EmbeddingModelHealth implements HealthCheck {

    private final Reembedder model;

    EmbeddingModelHealth(Reembedder model) {
        this.model = model;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("embedding model").withData("model", model.modelId());
        try {
            return answer.withData("dimensions", model.tryModel()).up().build();
        } catch (RuntimeException e) {
            return answer.withData("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    .down().build();
        }
    }
}
