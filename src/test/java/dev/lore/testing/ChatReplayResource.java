package dev.lore.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link ChatReplay} for a test profile and points Lore's extraction at it: as an Ollama server, or (with the
 * argument {@code api=openai}) as an OpenAI-compatible endpoint.
 */
public class ChatReplayResource implements QuarkusTestResourceLifecycleManager {

    private static volatile ChatReplay current;
    private String api = "ollama";

    /** The replay the running profile's Lore asks. */
    public static ChatReplay current() {
        return current;
    }

    @Override
    public void init(Map<String, String> arguments) {
        api = arguments.getOrDefault("api", api);
    }

    @Override
    public Map<String, String> start() {
        current = ChatReplay.start();
        return api.equals("openai")
                ? Map.of("lore.extraction.openai.base-url", current.baseUrl() + "/v1",
                        "lore.extraction.openai.model", ChatReplay.MODEL,
                        "lore.extraction.openai.api-key", "sk-test-not-a-real-key-000000000000")
                : Map.of("lore.extraction.ollama.base-url", current.baseUrl(),
                        "lore.extraction.ollama.model", ChatReplay.MODEL);
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
    }
}
