package dev.lore.extraction;

import java.time.Duration;
import java.util.stream.Collectors;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.lore.capture.SamplingClients;
import io.quarkiverse.mcp.server.SamplingMessage;
import io.quarkiverse.mcp.server.SamplingRequest;
import io.quarkiverse.mcp.server.SamplingResponse;
import io.quarkiverse.mcp.server.TextContent;

/**
 * The model of the client that handed a conversation over, asked through MCP sampling. Sampling has no structured
 * output, so the JSON schema a request carries goes into the system prompt; the client's user may see, change or
 * refuse the request, as the protocol lets clients do.
 */
final class SamplingChatModel implements ChatModel {

    /** Enough for the knowledge of one slice of a conversation. */
    static final int MAX_TOKENS = 4096;

    private final SamplingClients.Offer offer;
    private final Duration timeout;

    private SamplingChatModel(SamplingClients.Offer offer, Duration timeout) {
        this.offer = offer;
        this.timeout = timeout;
    }

    static AskedModel of(SamplingClients.Offer offer, Duration timeout) {
        return new AskedModel("sampling:" + offer.clientName(), "the client " + offer.clientName()
                + " (MCP sampling)", new SamplingChatModel(offer, timeout), false);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        String system = request.messages().stream().filter(SystemMessage.class::isInstance)
                .map(message -> ((SystemMessage) message).text()).collect(Collectors.joining("\n\n"));
        if (request.responseFormat() != null && request.responseFormat().jsonSchema() != null
                && request.responseFormat().jsonSchema().rootElement() instanceof JsonRawSchema schema) {
            system += "\n\nAnswer with one JSON object and nothing else, following this JSON schema:\n"
                    + schema.schema();
        }
        SamplingRequest.Builder sampling = offer.sampling().requestBuilder().setSystemPrompt(system)
                .setMaxTokens(MAX_TOKENS).setTimeout(timeout);
        for (ChatMessage message : request.messages()) {
            if (message instanceof UserMessage user) {
                sampling.addMessage(SamplingMessage.withUserRole(user.singleText()));
            }
        }
        SamplingResponse answer = sampling.build().sendAndAwait();
        String text = answer.content() instanceof TextContent content ? content.text() : "";
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).modelName(answer.model()).build();
    }
}
