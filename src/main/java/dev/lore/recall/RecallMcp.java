package dev.lore.recall;

import jakarta.validation.ValidationException;
import jakarta.validation.constraints.Pattern;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.NamespaceName;
import dev.lore.mcp.McpErrors;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.Prompt;
import io.quarkiverse.mcp.server.PromptArg;
import io.quarkiverse.mcp.server.PromptMessage;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.TextResourceContents;

/** Recall over MCP: the context block as a prompt (with a query) and as a resource (without). */
@McpErrors
public class RecallMcp {

    static final int DEFAULT_TOKENS = 1500;
    static final int MIN_TOKENS = 100;
    static final int MAX_TOKENS = 16000;

    private final RecallService recall;
    private final CallerResolver callers;

    RecallMcp(RecallService recall, CallerResolver callers) {
        this.recall = recall;
        this.callers = callers;
    }

    @Prompt(name = "recall", title = "Recall what Lore knows", description = """
            The context to start a conversation with: the user's profile, this session's goals and progress, what \
            is remembered about the user, and the entities, learnings and decisions of the team that bear on the \
            query, within a token budget.""")
    PromptMessage recallPrompt(
            @PromptArg(name = "user_id", description = "Whose context (default: the current user).", required = false)
            String userId,
            @PromptArg(name = "session_id", description = "Which session (default: this MCP session).",
                    required = false) String sessionId,
            @PromptArg(description = "What the conversation is about, to pick relevant memories, entities, learnings "
                    + "and decisions.", required = false) String query,
            @PromptArg(name = "max_tokens", description = "Budget for the block, 100 to 16000 tokens (default 1500).",
                    required = false) String maxTokens,
            @PromptArg(description = "The team or project namespace whose entities, learnings and decisions to "
                    + "include (default: 'default'; with a token, its first).", required = false)
            @Pattern(regexp = "|" + NamespaceName.PATTERN, message = "{lore.namespace}") String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, sessionId, namespace);
        return PromptMessage.withUserRole(new TextContent(recall.context(caller,
                query == null || query.isBlank() ? null : query.strip(), tokens(maxTokens))));
    }

    @ResourceTemplate(uriTemplate = "lore://users/{user_id}/context", name = "context",
            title = "What Lore knows about a user", description = "The user's recall block: profile, session, "
                    + "memories, within 1500 tokens.", mimeType = "text/markdown")
    TextResourceContents context(String user_id, RequestUri uri, McpConnection connection) {
        Caller caller = callers.resolve(connection, user_id, null, null);
        return new TextResourceContents(uri.value(), recall.context(caller, null, DEFAULT_TOKENS), "text/markdown");
    }

    private static int tokens(String maxTokens) {
        if (maxTokens == null || maxTokens.isBlank()) {
            return DEFAULT_TOKENS;
        }
        try {
            int tokens = Integer.parseInt(maxTokens.strip());
            if (tokens >= MIN_TOKENS && tokens <= MAX_TOKENS) {
                return tokens;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException("max_tokens must be a whole number from " + MIN_TOKENS + " to " + MAX_TOKENS
                + " (got '" + maxTokens + "')");
    }
}
