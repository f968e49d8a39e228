package dev.lore.conversations;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.SessionId;
import dev.lore.identity.UserId;
import dev.lore.mcp.McpErrors;
import dev.lore.mcp.RedactSecrets;
import dev.lore.mcp.SearchArguments;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.Tool.Annotations;
import io.quarkiverse.mcp.server.Tool.OutputSchema;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;

/** Conversation memory over MCP: what was said in the user's past conversations, found by meaning, forgettable. */
@McpErrors
@RedactSecrets
public class ConversationMcp {

    private final ConversationService conversations;
    private final CallerResolver callers;

    ConversationMcp(ConversationService conversations, CallerResolver callers) {
        this.conversations = conversations;
        this.callers = callers;
    }

    @Tool(name = "search_conversations", description = """
            Search what the user and their assistants said in past conversations ("when did we discuss the \
            database migration?", "what did Alice say about her trip?"). Conversations reach Lore through the \
            client's hooks or learn_from_conversation, without anyone saving them. Matches by meaning as well as \
            words; each turn comes with when it was said and its conversation.""",
            annotations = @Annotations(title = "Search past conversations", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = ConversationList.class))
    ConversationList searchConversations(
            @ToolArg(description = "What you want to find, in plain words (at most 1000 characters).")
            @NotBlank @Size(max = SearchArguments.QUERY_MAX) String query,
            @ToolArg(description = "How many turns at most, 1 to 50 (default 10).", defaultValue = "10")
            @Min(1) @Max(SearchArguments.LIMIT_MAX) int limit,
            @ToolArg(name = "user_id", description = "Optional: whose conversations (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        var found = conversations.search(caller.userId(), query, limit).stream()
                .map(turn -> ConversationView.of(turn.record(), turn.hit())).toList();
        return new ConversationList(caller.userId(), query, found.size(), found);
    }

    @Tool(name = "forget_conversation", description = """
            Forget one past conversation for good, when the user asks for it: every turn kept of it is deleted, \
            and reading the same conversation again keeps nothing.""",
            annotations = @Annotations(title = "Forget a conversation", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = ForgottenConversation.class))
    ForgottenConversation forgetConversation(
            @ToolArg(name = "conversation_id", description = "The conversation's id, as search_conversations gives it.")
            @NotBlank @SessionId String conversationId,
            @ToolArg(name = "user_id", description = "Optional: whose conversation (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        int forgotten = conversations.forget(caller, conversationId).orElseThrow(() -> new ToolCallException(
                "No conversation with id " + conversationId + " for " + caller.userId() + "."));
        return new ForgottenConversation(conversationId, caller.userId(), forgotten);
    }
}
