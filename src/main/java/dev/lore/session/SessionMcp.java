package dev.lore.session;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.SessionId;
import dev.lore.mcp.Replies;
import dev.lore.mcp.ToolErrors;
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

/** Session Context over MCP: what the current session is about and how far it got. */
@ToolErrors
public class SessionMcp {

    private final SessionService sessions;
    private final CallerResolver callers;

    SessionMcp(SessionService sessions, CallerResolver callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @Tool(name = "get_session_context", description = """
            Get what this session is about: summary, goals, plan (steps with todo/doing/done), progress so far and \
            open questions. Call it when a conversation resumes, to pick up where it stopped.""",
            annotations = @Annotations(title = "Get the session context", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = SessionView.class))
    ToolResponse getSessionContext(
            @ToolArg(name = "session_id", description = "Optional: which session (default: this MCP session).",
                    required = false) @SessionId String sessionId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, sessionId, null);
        SessionView view = view(caller);
        return Replies.of(view.describe(), view);
    }

    @Tool(name = "update_session_context", description = """
            Keep track of the work in this session so it can resume later: a summary, the goals, the plan as \
            steps with a state (todo, doing, done), progress notes, open questions. Give only what changed: the \
            summary, goals, plan and open questions you give replace the old ones; progress notes are appended \
            with a timestamp.""",
            annotations = @Annotations(title = "Update the session context", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = false, openWorldHint = false),
            outputSchema = @OutputSchema(from = SessionView.class))
    ToolResponse updateSessionContext(
            @ToolArg(description = "Optional: what the session is about (at most 4000 characters).", required = false)
            @Size(max = 4000, message = "must be at most {max} characters") String summary,
            @ToolArg(description = "Optional: the goals, replacing the previous ones (up to 20).", required = false)
            @Size(max = 20, message = "must have at most {max} goals") List<@NotBlank @Size(max = 500,
                    message = "must be at most {max} characters") String> goals,
            @ToolArg(description = "Optional: the whole plan, replacing the previous one: up to 50 steps such as "
                    + "{\"step\": \"write the migration\", \"state\": \"doing\"}.", required = false)
            @Size(max = 50, message = "must have at most {max} steps") List<@Valid PlanStep> plan,
            @ToolArg(description = "Optional: progress notes to append (up to 20).", required = false)
            @Size(max = 20, message = "must have at most {max} notes") List<@NotBlank @Size(max = 1000,
                    message = "must be at most {max} characters") String> progress,
            @ToolArg(name = "open_questions", description = "Optional: the open questions, replacing the previous "
                    + "ones (up to 20).", required = false)
            @Size(max = 20, message = "must have at most {max} questions") List<@NotBlank @Size(max = 500,
                    message = "must be at most {max} characters") String> openQuestions,
            @ToolArg(name = "session_id", description = "Optional: which session (default: this MCP session).",
                    required = false) @SessionId String sessionId,
            McpConnection connection) {
        SessionChanges changes = new SessionChanges(summary, goals, plan, progress, openQuestions);
        if (changes.isEmpty()) {
            throw new ToolCallException("Invalid input: give at least one of summary, goals, plan, progress or "
                    + "open_questions.");
        }
        Caller caller = callers.resolve(connection, null, sessionId, null);
        SessionView view = SessionView.of(sessions.update(caller, changes));
        return Replies.of("Updated. " + view.describe(), view);
    }

    @ResourceTemplate(uriTemplate = "lore://sessions/{session_id}", name = "session", title = "A session's context",
            description = "Summary, goals, plan, progress and open questions of one of your sessions.",
            mimeType = "text/markdown")
    TextResourceContents session(String session_id, RequestUri uri, McpConnection connection) {
        Caller caller = callers.resolve(connection, null, session_id, null);
        return new TextResourceContents(uri.value(), "# " + view(caller).describe() + "\n", "text/markdown");
    }

    private SessionView view(Caller caller) {
        return sessions.get(caller.userId(), caller.sessionId()).map(SessionView::of)
                .orElseGet(() -> SessionView.unknown(caller.sessionId(), caller.userId()));
    }
}
