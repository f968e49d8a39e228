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
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the chat endpoints of an Ollama server ({@code POST /api/chat}) and of an OpenAI-compatible one
 * ({@code POST /v1/chat/completions}), which cannot be reached where Lore is built: each answers in its API's own
 * shape with the content written down in {@code extraction/answers.json} for the conversation it is asked about (the
 * first answer whose {@code match} the request's conversation contains; a conversation asked about again gets the next
 * answer of its list, and the last one after that). An answer may be an HTTP error instead. A conversation nobody wrote
 * an answer for gets an error, so a test cannot pass on answers that were never written down. Every request is kept.
 * It also lists its one model, as {@code GET /api/tags} and {@code GET /v1/models} do.
 */
public final class ChatReplay implements AutoCloseable {

    public static final String MODEL = "llama3.1:8b";

    private record Answer(String match, List<JsonNode> contents) {
    }

    private final HttpServer server;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> asked = new HashMap<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    private ChatReplay(JsonNode fixtures) throws IOException {
        for (JsonNode fixture : fixtures) {
            answers.add(new Answer(fixture.path("match").asText(), Json.MAPPER.convertValue(fixture.path("answers"),
                    Json.MAPPER.getTypeFactory().constructCollectionType(List.class, JsonNode.class))));
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/chat", exchange -> answer(exchange, false));
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, true));
        server.createContext("/api/tags", exchange -> send(exchange, 200, Json.MAPPER.readTree("""
                {"models": [{"name": "%s", "model": "%s", "modified_at": "2026-11-20T08:12:41.53Z",
                  "size": 4920753328, "digest": "46e0c10c039e019119339687c3c1757cc81b9da49709a3b3924863ba87ca666e",
                  "details": {"parent_model": "", "format": "gguf", "family": "llama", "families": ["llama"],
                              "parameter_size": "8.0B", "quantization_level": "Q4_K_M"}}]}
                """.formatted(MODEL, MODEL))));
        server.createContext("/v1/models", exchange -> send(exchange, 200, Json.MAPPER.readTree("""
                {"object": "list", "data": [{"id": "%s", "object": "model", "created": 1796700000,
                  "owned_by": "llamacpp"}]}
                """.formatted(MODEL))));
        server.start();
    }

    public static ChatReplay start() {
        try (InputStream fixtures = ChatReplay.class.getResourceAsStream("/extraction/answers.json")) {
            return new ChatReplay(Json.MAPPER.readTree(fixtures));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that make a Lore process learn from conversations with this server, as Ollama. */
    public Map<String, String> loreEnvironment(String model) {
        return Map.of("LORE_EXTRACTION_OLLAMA_MODEL", model, "LORE_EXTRACTION_OLLAMA_BASE_URL", baseUrl());
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The requests received whose conversation contains {@code text}. */
    public List<JsonNode> requestsAbout(String text) {
        return requests.stream().filter(request -> conversationOf(request).contains(text)).toList();
    }

    private static String conversationOf(JsonNode request) {
        JsonNode messages = request.path("messages");
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).path("content").asText();
    }

    private synchronized void answer(HttpExchange exchange, boolean openAi) throws IOException {
        JsonNode request = Json.MAPPER.readTree(exchange.getRequestBody());
        requests.add(request);
        String conversation = conversationOf(request);
        Answer answer = answers.stream().filter(a -> conversation.contains(a.match())).findFirst().orElse(null);
        if (answer == null) {
            send(exchange, 500, Json.MAPPER.createObjectNode().put("error", "no answer written down for this "
                    + "conversation"));
            return;
        }
        int turn = asked.merge(answer.match(), 1, Integer::sum) - 1;
        JsonNode content = answer.contents().get(Math.min(turn, answer.contents().size() - 1));
        if (content.has("status")) {
            send(exchange, content.path("status").asInt(), Json.MAPPER.createObjectNode().put("error",
                    content.path("error").asText()));
            return;
        }
        String text = content.isTextual() ? content.asText() : content.toString();
        ObjectNode reply = Json.MAPPER.createObjectNode();
        if (openAi) {
            reply.put("id", "chatcmpl-" + requests.size()).put("object", "chat.completion")
                    .put("created", 1_796_700_000L).put("model", request.path("model").asText());
            ObjectNode choice = reply.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", text);
            choice.put("finish_reason", "stop");
            reply.putObject("usage").put("prompt_tokens", 512).put("completion_tokens", 96).put("total_tokens", 608);
        } else {
            reply.put("model", request.path("model").asText()).put("created_at", "2026-12-07T10:00:00.000000Z");
            reply.putObject("message").put("role", "assistant").put("content", text);
            reply.put("done_reason", "stop").put("done", true).put("total_duration", 4_210_331_512L)
                    .put("load_duration", 28_910_301L).put("prompt_eval_count", 512)
                    .put("prompt_eval_duration", 1_204_331_000L).put("eval_count", 96)
                    .put("eval_duration", 2_901_443_000L);
        }
        send(exchange, 200, reply);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
