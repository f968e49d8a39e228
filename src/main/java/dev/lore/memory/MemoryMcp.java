package dev.lore.memory;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.UserId;
import dev.lore.mcp.Replies;
import dev.lore.mcp.ToolErrors;
import dev.lore.search.TagName;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.Tool.Annotations;
import io.quarkiverse.mcp.server.Tool.OutputSchema;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolResponse;

/** User Memory over MCP: observations about the user that accumulate, private to them. */
@ToolErrors
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
    ToolResponse saveMemory(
            @ToolArg(description = "The observation, in a sentence or two (at most 4000 characters).")
            @NotBlank @Size(max = 4000, message = "must be at most {max} characters") String memory,
            @ToolArg(description = "Optional: up to 10 topics, e.g. [\"work\", \"travel\"].", required = false)
            @Size(max = 10, message = "must have at most {max} topics") List<@TagName String> topics,
            @ToolArg(name = "user_id", description = "Optional: whom it is about (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        MemoryService.Saved saved = memories.save(caller, memory, topics);
        Memory stored = saved.memory();
        String message = saved.created()
                ? "Remembered for " + stored.userId + " (memory " + stored.id + ")."
                : "Already remembered: reinforced memory " + stored.id + " of " + stored.userId + " (confirmed "
                        + stored.confirmations + " times).";
        return Replies.of(message, new SavedMemory(stored.id, saved.created() ? "created" : "reinforced", message,
                MemoryView.of(stored)));
    }

    @Tool(name = "search_memories", description = """
            Search what is remembered about the user with a question or keywords ("what is Alice working on?"). \
            Matches by meaning as well as words; results come best first with their score and why they matched.""",
            annotations = @Annotations(title = "Search the user's memories", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = MemoryList.class))
    ToolResponse searchMemories(
            @ToolArg(description = "What you want to know, in plain words (at most 1000 characters).")
            @NotBlank @Size(max = 1000, message = "must be at most {max} characters") String query,
            @ToolArg(description = "How many results at most, 1 to 50 (default 10).", defaultValue = "10")
            @Min(value = 1, message = "must be at least {value}") @Max(value = 50, message = "must be at most {value}") int limit,
            @ToolArg(name = "user_id", description = "Optional: whose memories (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        List<MemoryView> found = memories.search(caller.userId(), query, limit).stream()
                .map(f -> MemoryView.of(f.memory(), f.hit())).toList();
        String text = found.isEmpty() ? "No memories of " + caller.userId() + " match \"" + query + "\"."
                : describe("Memories of " + caller.userId() + " for \"" + query + "\":", found);
        return Replies.of(text, new MemoryList(caller.userId(), query, null, found.size(), found));
    }

    @Tool(name = "list_memories", description = """
            List what is remembered about the user, newest first, optionally only memories about one topic.""",
            annotations = @Annotations(title = "List the user's memories", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = MemoryList.class))
    ToolResponse listMemories(
            @ToolArg(name = "user_id", description = "Optional: whose memories (default: the current user).",
                    required = false) @UserId String userId,
            @ToolArg(description = "Optional: only memories with this topic.", required = false) @TagName String topic,
            @ToolArg(description = "How many at most, 1 to 100 (default 20).", defaultValue = "20")
            @Min(value = 1, message = "must be at least {value}") @Max(value = 100, message = "must be at most {value}") int limit,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        List<MemoryView> listed = memories.list(caller.userId(), topic, limit).stream().map(MemoryView::of).toList();
        String text = listed.isEmpty() ? "Nothing remembered about " + caller.userId()
                + (topic == null ? "" : " on " + topic) + " yet."
                : describe("Memories of " + caller.userId() + (topic == null ? "" : " on " + topic) + ", newest first:",
                        listed);
        return Replies.of(text, new MemoryList(caller.userId(), null, topic, listed.size(), listed));
    }

    @Tool(name = "forget_memory", description = """
            Forget one memory for good, when the user asks for it or it is wrong. The memory is deleted (not \
            hidden); an audit line records that a memory was forgotten, not what it said.""",
            annotations = @Annotations(title = "Forget a memory", readOnlyHint = false, destructiveHint = true,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = SavedMemory.class))
    ToolResponse forgetMemory(
            @ToolArg(description = "The id of the memory to forget.") @NotBlank @Size(max = 64,
                    message = "must be at most {max} characters") String id,
            @ToolArg(name = "user_id", description = "Optional: whose memory (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        Memory forgotten = memories.forget(caller, id).orElseThrow(
                () -> new ToolCallException("No memory with id " + id + " for " + caller.userId() + "."));
        String message = "Forgot memory " + forgotten.id + " of " + caller.userId() + ".";
        return Replies.of(message, new SavedMemory(forgotten.id, "forgotten", message, MemoryView.of(forgotten)));
    }

    @ResourceTemplate(uriTemplate = "lore://users/{user_id}/memories", name = "memories",
            title = "A user's memories", description = "The 50 most recent memories of a user.",
            mimeType = "text/markdown")
    TextResourceContents memoriesOf(String user_id, RequestUri uri,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, user_id, null, null);
        List<MemoryView> listed = memories.list(caller.userId(), null, RESOURCE_LIMIT).stream().map(MemoryView::of)
                .toList();
        String text = listed.isEmpty() ? "Nothing remembered yet.\n"
                : listed.stream().map(m -> "- " + m.memory() + " (" + m.createdAt() + topics(m) + ", id " + m.id() + ")")
                        .collect(Collectors.joining("\n", "", "\n"));
        return new TextResourceContents(uri.value(), "# Memories of " + caller.userId() + "\n\n" + text,
                "text/markdown");
    }

    private static String describe(String heading, List<MemoryView> memories) {
        StringBuilder text = new StringBuilder(heading);
        int rank = 1;
        for (MemoryView m : memories) {
            text.append('\n').append(rank++).append(". ").append(m.memory()).append(" (")
                    .append(m.score() == null ? "" : "score " + m.score() + ", ").append(m.createdAt())
                    .append(topics(m)).append(", id ").append(m.id()).append(')');
        }
        return text.toString();
    }

    private static String topics(MemoryView m) {
        return m.topics().isEmpty() ? "" : ", topics: " + String.join(", ", m.topics());
    }
}
