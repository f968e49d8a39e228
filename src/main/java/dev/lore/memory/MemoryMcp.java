package dev.lore.memory;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.UserId;
import dev.lore.mcp.McpErrors;
import dev.lore.mcp.RedactSecrets;
import dev.lore.mcp.SearchArguments;
import dev.lore.store.TagName;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.Tool.Annotations;
import io.quarkiverse.mcp.server.Tool.OutputSchema;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;

/** User Memory over MCP: observations about the user that accumulate, private to them. */
@McpErrors
@RedactSecrets
public class MemoryMcp {

    static final int RESOURCE_LIMIT = 50;

    private final MemoryService memories;
    private final CallerResolver callers;

    MemoryMcp(MemoryService memories, CallerResolver callers) {
        this.memories = memories;
        this.callers = callers;
    }

    @Tool(name = "save_memory", description = """
            Remember something about the user that will matter in later conversations: what they are working on, \
            what they like or dislike, their situation, their plans ("Alice is preparing a talk on Kafka for \
            March"). Memories are private to the user. Saving what is already remembered reinforces that memory \
            instead of copying it. For stable facts like name, role or preferences use update_profile; for \
            insights useful to the whole team use save_learning.""",
            annotations = @Annotations(title = "Remember something about the user", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = false, openWorldHint = false),
            outputSchema = @OutputSchema(from = SavedMemory.class))
    SavedMemory saveMemory(
            @ToolArg(description = "The observation, in a sentence or two (at most 4000 characters).")
            @NotBlank @Size(max = NewMemory.TEXT_MAX) String memory,
            @ToolArg(description = "Optional: up to 10 topics, e.g. [\"work\", \"travel\"].", required = false)
            @Size(max = NewMemory.TOPICS_MAX, message = "{lore.size.items}") List<@TagName String> topics,
            @ToolArg(name = "user_id", description = "Optional: whom it is about (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        return SavedMemory.of(memories.save(caller, new NewMemory(memory, topics)));
    }

    @Tool(name = "search_memories", description = """
            Search what is remembered about the user with a question or keywords ("what is Alice working on?"). \
            Matches by meaning as well as words; results come best first with their score and why they matched.""",
            annotations = @Annotations(title = "Search the user's memories", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = MemoryList.class))
    MemoryList searchMemories(
            @ToolArg(description = "What you want to know, in plain words (at most 1000 characters).")
            @NotBlank @Size(max = SearchArguments.QUERY_MAX) String query,
            @ToolArg(description = "How many results at most, 1 to 50 (default 10).", defaultValue = "10")
            @Min(1) @Max(SearchArguments.LIMIT_MAX) int limit,
            @ToolArg(name = "user_id", description = "Optional: whose memories (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        return MemoryList.found(caller.userId(), query, memories.search(caller.userId(), query, limit).stream()
                .map(found -> MemoryView.of(found.record(), found.hit())).toList());
    }

    @Tool(name = "list_memories", description = """
            List what is remembered about the user, newest first, optionally only memories about one topic.""",
            annotations = @Annotations(title = "List the user's memories", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = MemoryList.class))
    MemoryList listMemories(
            @ToolArg(name = "user_id", description = "Optional: whose memories (default: the current user).",
                    required = false) @UserId String userId,
            @ToolArg(description = "Optional: only memories with this topic.", required = false) @TagName String topic,
            @ToolArg(description = "How many at most, 1 to 100 (default 20).", defaultValue = "20")
            @Min(1) @Max(SearchArguments.LIST_LIMIT_MAX) int limit,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        return MemoryList.listed(caller.userId(), topic,
                memories.list(caller.userId(), topic, limit).stream().map(MemoryView::of).toList());
    }

    @Tool(name = "forget_memory", description = """
            Forget one memory for good, when the user asks for it or it is wrong. The memory is deleted (not \
            hidden); an audit line records that a memory was forgotten, not what it said.""",
            annotations = @Annotations(title = "Forget a memory", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = SavedMemory.class))
    SavedMemory forgetMemory(
            @ToolArg(description = "The id of the memory to forget.") @NotBlank @Size(max = 64) String id,
            @ToolArg(name = "user_id", description = "Optional: whose memory (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        return SavedMemory.forgotten(memories.forget(caller, id).orElseThrow(
                () -> new ToolCallException("No memory with id " + id + " for " + caller.userId() + ".")));
    }

    @ResourceTemplate(uriTemplate = "lore://users/{user_id}/memories", name = "memories",
            title = "A user's memories", description = "The 50 most recent memories of a user.",
            mimeType = "text/markdown")
    TextResourceContents memoriesOf(String user_id, RequestUri uri, McpConnection connection) {
        Caller caller = callers.resolve(connection, user_id, null, null);
        return new TextResourceContents(uri.value(), MemoryList.listed(caller.userId(), null,
                memories.list(caller.userId(), null, RESOURCE_LIMIT).stream().map(MemoryView::of).toList())
                .markdown(), "text/markdown");
    }
}
