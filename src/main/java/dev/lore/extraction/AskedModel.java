package dev.lore.extraction;

import dev.langchain4j.model.chat.ChatModel;

/**
 * A model extraction asks for one conversation: the configured one, or the model a client offered through MCP sampling.
 *
 * @param name how answers and errors name it: {@code ollama:llama3.1:8b}, {@code sampling:vscode}
 * @param endpoint where it is reached, as errors say it
 * @param chat the model
 * @param comesBack whether it is worth asking again later when it cannot be reached now (a server may come back; a
 *        client's offer goes with its connection)
 */
public record AskedModel(String name, String endpoint, ChatModel chat, boolean comesBack) {
}
