package dev.lore.mcp;

import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import dev.lore.search.SearchWarnings;
import io.quarkiverse.mcp.server.MetaKey;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkiverse.mcp.server.ToolResponseEncoder;
import io.quarkus.arc.Arc;

/**
 * Turns a tool's {@link Answer} into its result: the readable text, and the answer itself as structured content. A
 * call whose search or save did not go the usual way ({@link SearchWarnings}) says so before its text, which the
 * calling model reads, and in the result's {@code _meta} ({@value #WARNINGS}), which a client can show.
 */
@Singleton
public class AnswerEncoder implements ToolResponseEncoder<Answer> {

    static final String WARNINGS = "dev.lore/warnings";
    private static final MetaKey WARNINGS_KEY = MetaKey.from(WARNINGS);

    private final SearchWarnings warnings;

    AnswerEncoder(SearchWarnings warnings) {
        this.warnings = warnings;
    }

    @Override
    public boolean supports(Class<?> runtimeType) {
        return Answer.class.isAssignableFrom(runtimeType);
    }

    @Override
    public ToolResponse encode(Answer answer) {
        List<String> said = Arc.container().requestContext().isActive() ? warnings.all() : List.of();
        if (said.isEmpty()) {
            return new ToolResponse(false, List.of(new TextContent(answer.toText())), answer, null);
        }
        String text = "Warning: " + String.join("\nWarning: ", said) + "\n\n" + answer.toText();
        return new ToolResponse(false, List.of(new TextContent(text)), answer, Map.of(WARNINGS_KEY, said));
    }
}
