package dev.lore.operations;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.lore.search.EmbeddingFailedException;
import dev.lore.search.Reembedder;

/**
 * Readiness of the embedding model: whether it embeds (the in-process model loaded, or the Ollama server answers with
 * the configured model), with the reason when it does not. A failing model leaves Lore ready: saves and searches go on
 * by keywords ({@code "searches": "keywords only"}), and what is saved meanwhile gets its vectors once the model is
 * back, so taking every instance that shares the model out of a load balancer would only turn that into an outage.
 * The database has its own check, from the datasource.
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
        HealthCheckResponseBuilder answer = HealthCheckResponse.named("embedding model")
                .withData("model", model.modelId()).up();
        try {
            return answer.withData("dimensions", model.tryModel()).withData("searches", "semantic and keywords")
                    .build();
        } catch (EmbeddingFailedException e) {
            return answer.withData("searches", "keywords only").withData("error", e.getMessage()).build();
        }
    }
}
