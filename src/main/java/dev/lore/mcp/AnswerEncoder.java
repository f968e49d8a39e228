package dev.lore.mcp;

import java.util.List;

import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.ToolResponseEncoder;

/** Turns a tool's {@link Answer} into its result: the readable text, and the answer itself as structured content. */
@Singleton
public class AnswerEncoder implements ToolResponseEncoder<Answer> {

    @Override
    public boolean supports(Class<?> runtimeType) {
        return Answer.class.isAssignableFrom(runtimeType);
    }

    @Override
    public ToolResponse encode(Answer answer) {
        return new ToolResponse(false, List.of(new TextContent(answer.toText())), answer, null);
    }
}
