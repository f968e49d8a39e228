package dev.lore.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.testing.Json;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** What a load balancer or an orchestrator asks: is Lore alive, and ready (its database and embedding model)? */
@QuarkusTest
class HealthTest {

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @TestHTTPResource("/q/health/live")
    URI live;

    @Test
    void readyWhenTheDatabaseAndTheEmbeddingModelWork() throws Exception {
        HttpResponse<String> answer = get(ready);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode health = Json.parse(answer.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("checks").findValuesAsText("name")).contains("embedding model",
                "Database connections health check");
        JsonNode model = health.path("checks").findParents("name").stream()
                .filter(check -> check.path("name").asText().equals("embedding model")).findFirst().orElseThrow();
        assertThat(model.path("data").path("dimensions").asInt()).isPositive();
        assertThat(model.path("data").path("searches").asText()).isEqualTo("semantic and keywords");
        assertThat(get(live).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
