package dev.lore.session;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.SessionId;
import dev.lore.mcp.McpErrors;
import dev.lore.mcp.RedactSecrets;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.Tool.Annotations;
import io.quarkiverse.mcp.server.Tool.OutputSchema;
import io.quarkiverse.mcp.server.ToolArg;

/** Session Context over MCP: what the current session is about and how far it got. */
@McpErrors
@RedactSecrets
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
    SessionView getSessionContext(
            @ToolArg(name = "session_id", description = "Optional: which session (default: this MCP session).",
                    required = false) @SessionId String sessionId,
            McpConnection connection) {
        return view(callers.resolve(connection, null, sessionId, null));
    }

    @Tool(name = "update_session_context", description = """
            Keep track of the work in this session so it can resume later: a summary, the goals, the plan as \
            steps with a state (todo, doing, done), progress notes, open questions. Give only what changed: the \
            summary, goals, plan and open questions you give replace the old ones; progress notes are appended \
            with a timestamp.""",
            annotations = @Annotations(title = "Update the session context", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = false, openWorldHint = false),
            outputSchema = @OutputSchema(from = SessionView.class))
    SessionView updateSessionContext(
            @ToolArg(description = "Optional: what the session is about (at most 4000 characters).", required = false)
            @Size(max = SessionChanges.SUMMARY_MAX) String summary,
            @ToolArg(description = "Optional: the goals, replacing the previous ones (up to 20).", required = false)
            @Size(max = SessionChanges.GOALS_MAX, message = "{lore.size.items}")
            List<@NotBlank @Size(max = SessionChanges.LINE_MAX) String> goals,
            @ToolArg(description = "Optional: the whole plan, replacing the previous one: up to 50 steps such as "
                    + "{\"step\": \"write the migration\", \"state\": \"doing\"}.", required = false)
            @Size(max = SessionChanges.PLAN_MAX, message = "{lore.size.items}") List<@Valid PlanStep> plan,
            @ToolArg(description = "Optional: progress notes to append (up to 20).", required = false)
            @Size(max = SessionChanges.NOTES_MAX, message = "{lore.size.items}")
            List<@NotBlank @Size(max = SessionChanges.NOTE_MAX) String> progress,
            @ToolArg(name = "open_questions", description = "Optional: the open questions, replacing the previous "
                    + "ones (up to 20).", required = false)
            @Size(max = SessionChanges.QUESTIONS_MAX, message = "{lore.size.items}")
            List<@NotBlank @Size(max = SessionChanges.LINE_MAX) String> openQuestions,
            @ToolArg(name = "session_id", description = "Optional: which session (default: this MCP session).",
                    required = false) @SessionId String sessionId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, sessionId, null);
        return SessionView.of(sessions.update(caller, new SessionChanges(summary, goals, plan, progress,
                openQuestions)));
    }

    @ResourceTemplate(uriTemplate = "lore://sessions/{session_id}", name = "session", title = "A session's context",
            description = "Summary, goals, plan, progress and open questions of one of your sessions.",
            mimeType = "text/markdown")
    TextResourceContents session(String session_id, RequestUri uri, McpConnection connection) {
        Caller caller = callers.resolve(connection, null, session_id, null);
        return new TextResourceContents(uri.value(), "# " + view(caller).toText() + "\n", "text/markdown");
    }

    private SessionView view(Caller caller) {
        return sessions.get(caller.userId(), caller.sessionId()).map(SessionView::of)
                .orElseGet(() -> SessionView.unknown(caller.sessionId(), caller.userId()));
    }
}
