package dev.lore.extraction;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.catalog.ModelDescription;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaModel;
import dev.langchain4j.model.ollama.OllamaModels;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiModelCatalog;

/**
 * The chat model extraction asks, as configured: an Ollama server's model, else an OpenAI-compatible endpoint's, else
 * none. Its requests go through the JDK's HTTP client, whatever other clients the classpath brings.
 */
@ApplicationScoped
public class ExtractionModel {

    private final ExtractionSettings settings;
    private volatile ChatModel model;

    ExtractionModel(ExtractionSettings settings) {
        this.settings = settings;
    }

    /** Whether a model is configured. */
    public boolean configured() {
        return name().isPresent();
    }

    /** How answers and errors name the model: {@code ollama:llama3.1}, {@code openai:gpt-4o-mini at <url>}. */
    public Optional<String> name() {
        if (settings.ollama().model().isPresent()) {
            return Optional.of("ollama:" + settings.ollama().model().get());
        }
        if (settings.openai().model().isPresent() && settings.openai().baseUrl().isPresent()) {
            return Optional.of("openai:" + settings.openai().model().get());
        }
        return Optional.empty();
    }

    /** Where the model is reached. */
    public String endpoint() {
        return settings.ollama().model().isPresent() ? settings.ollama().baseUrl()
                : settings.openai().baseUrl().orElse("");
    }

    /**
     * Asks the endpoint which models it serves, and says whether it serves the configured one.
     *
     * @return what it found, for a person to read; empty when it serves the model
     * @throws RuntimeException when the endpoint cannot be reached or refuses the question
     */
    public Optional<String> missingModel() {
        Duration wait = Duration.ofSeconds(10);
        if (settings.ollama().model().isPresent()) {
            String wanted = settings.ollama().model().get();
            List<String> served = OllamaModels.builder().httpClientBuilder(JdkHttpClient.builder())
                    .baseUrl(settings.ollama().baseUrl()).timeout(wait).maxRetries(0).build().availableModels()
                    .content().stream().map(OllamaModel::getName).toList();
            boolean found = served.contains(wanted) || served.contains(wanted + ":latest");
            return found ? Optional.empty() : Optional.of("Ollama at " + endpoint() + " has no model " + wanted
                    + ": ollama pull " + wanted);
        }
        String wanted = settings.openai().model().orElseThrow();
        List<String> served = OpenAiModelCatalog.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.openai().baseUrl().orElseThrow()).apiKey(settings.openai().apiKey().orElse("none"))
                .connectTimeout(wait).readTimeout(wait).build().listModels().stream()
                .map(ModelDescription::name).toList();
        return served.contains(wanted) ? Optional.empty() : Optional.of(endpoint() + " does not list " + wanted
                + " among its models (" + String.join(", ", served) + ")");
    }

    /** The configured model, as extraction asks it; empty when none is configured. */
    public Optional<AskedModel> asked() {
        return name().map(name -> new AskedModel(name, endpoint(), chat(), true));
    }

    ChatModel chat() {
        if (model == null) {
            synchronized (this) {
                if (model == null) {
                    model = build();
                }
            }
        }
        return model;
    }

    private ChatModel build() {
        if (settings.ollama().model().isPresent()) {
            return OllamaChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                    .baseUrl(settings.ollama().baseUrl()).modelName(settings.ollama().model().get())
                    .timeout(settings.timeout()).temperature(0.0).maxRetries(0).build();
        }
        return OpenAiChatModel.builder().httpClientBuilder(JdkHttpClient.builder())
                .baseUrl(settings.openai().baseUrl().orElseThrow()).modelName(settings.openai().model().orElseThrow())
                .apiKey(settings.openai().apiKey().orElse("none")).timeout(settings.timeout()).temperature(0.0)
                .maxRetries(0).build();
    }
}
