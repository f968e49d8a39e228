package dev.lore.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for an Ollama server, which cannot be reached where Lore is built: answers {@code POST /api/embed} the way
 * Ollama does, for the texts listed in {@code ollama/embed.json}, and keeps every request it got. A text or model it
 * does not know gets Ollama's own kind of error (HTTP 404 with an {@code error} field), so a test cannot pass on
 * answers that were never written down.
 */
public final class OllamaReplay implements AutoCloseable {

    public record Request(String model, String input) {
    }

    private final HttpServer server;
    private final String model;
    private final Map<String, float[]> embeddings = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private volatile String failure;

    private OllamaReplay(JsonNode fixtures) throws IOException {
        model = fixtures.path("model").asText();
        int dimensions = fixtures.path("dimensions").asInt();
        for (JsonNode fixture : fixtures.path("embeddings")) {
            float[] vector = new float[dimensions];
            fixture.path("components").fields()
                    .forEachRemaining(c -> vector[Integer.parseInt(c.getKey())] = (float) c.getValue().asDouble());
            embeddings.put(fixture.path("input").asText(), vector);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/embed", this::embed);
        server.start();
    }

    public static OllamaReplay start() {
        try (InputStream fixtures = OllamaReplay.class.getResourceAsStream("/ollama/embed.json")) {
            return new OllamaReplay(Json.MAPPER.readTree(fixtures));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that make Lore embed with this server. */
    public Map<String, String> loreEnvironment() {
        return loreEnvironment(server.getAddress().getPort());
    }

    /** The settings that make Lore embed with an Ollama on this local port. */
    public static Map<String, String> loreEnvironment(int port) {
        return Map.of("LORE_EMBEDDINGS_PROVIDER", "ollama",
                "QUARKUS_LANGCHAIN4J_OLLAMA_BASE_URL", "http://127.0.0.1:" + port);
    }

    /** Answers every request from now on as Ollama does when its model runner dies: HTTP 500 with this error. */
    public void failWith(String error) {
        failure = error;
    }

    /** Answers requests again. */
    public void recover() {
        failure = null;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void embed(HttpExchange exchange) throws IOException {
        JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody());
        String requestedModel = request.path("model").asText();
        List<String> inputs = request.path("input").isArray()
                ? Json.MAPPER.convertValue(request.path("input"), Json.MAPPER.getTypeFactory()
                        .constructCollectionType(List.class, String.class))
                : List.of(request.path("input").asText());
        inputs.forEach(input -> requests.add(new Request(requestedModel, input)));
        ObjectNode answer = Json.MAPPER.createObjectNode();
        String failing = failure;
        String error = failing != null ? failing
                : !requestedModel.equals(model)
                ? "model \"" + requestedModel + "\" not found, try pulling it first"
                : inputs.stream().filter(input -> !embeddings.containsKey(input)).findFirst()
                        .map(input -> "no answer written down for " + input).orElse(null);
        if (error != null) {
            answer.put("error", error);
        } else {
            ArrayNode vectors = answer.put("model", model).putArray("embeddings");
            for (String input : inputs) {
                ArrayNode values = vectors.addArray();
                for (float component : embeddings.get(input)) {
                    values.add(component);
                }
            }
            answer.put("total_duration", 14_143_917L).put("load_duration", 1_019_500L)
                    .put("prompt_eval_count", inputs.size() * 8);
        }
        int status = error == null ? 200 : failing != null ? 500 : 404;
        byte[] body = Json.MAPPER.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
