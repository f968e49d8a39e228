package dev.lore.capture;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.ValidationException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.SessionId;
import dev.lore.identity.UserId;
import dev.lore.mcp.McpErrors;
import dev.lore.mcp.RedactSecrets;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.Sampling;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.Tool.Annotations;
import io.quarkiverse.mcp.server.Tool.OutputSchema;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;

/** Capture over MCP: a conversation handed over to be learned from in the background, and how that went. */
@McpErrors
@RedactSecrets
public class CaptureMcp {

    static final int MESSAGES_MAX = 5000;

    private final CaptureQueue queue;
    private final CallerResolver callers;
    private final SamplingClients samplingClients;

    CaptureMcp(CaptureQueue queue, CallerResolver callers, SamplingClients samplingClients) {
        this.queue = queue;
        this.callers = callers;
        this.samplingClients = samplingClients;
    }

    @Tool(name = "learn_from_conversation", description = """
            Hand Lore a conversation to learn from, in the background: what the user and the assistant said \
            becomes searchable conversation memory (search_conversations, recall), with secrets redacted. Hand the \
            same conversation again, or a longer version of it, and only the new messages are learned from. \
            Answers at once with a job_id; get_learning_job tells what was learned. When Lore has no model of its \
            own and this client offers its model (MCP sampling), the answer waits (up to 50 s) for that model to \
            be asked, since it can only be asked while this call is open.""",
            annotations = @Annotations(title = "Learn from a conversation", readOnlyHint = false,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = LearningJobView.class))
    LearningJobView learnFromConversation(
            @ToolArg(description = "The conversation, oldest message first: [{\"role\": \"user\", \"content\": "
                    + "\"...\", \"timestamp\": \"2026-12-07T10:15:00Z\"}, ...]; role is user, assistant, system or "
                    + "tool (only user and assistant messages are learned from); timestamp (ISO-8601) and id are "
                    + "optional. At most 5000 messages of 20000 characters.")
            @NotEmpty @Size(max = MESSAGES_MAX) List<@Valid ConversationMessage> messages,
            @ToolArg(name = "session_id", description = "Optional: the conversation's id, so that handing it over "
                    + "again learns only from new messages (default: this MCP session's id).", required = false)
            @SessionId String sessionId,
            @ToolArg(name = "user_id", description = "Optional: whose conversation (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection, Sampling sampling) {
        Caller caller = callers.resolve(connection, userId, sessionId, null);
        Transcript.Builder conversation = new Transcript.Builder();
        for (int i = 0; i < messages.size(); i++) {
            ConversationMessage message = messages.get(i);
            String at = message.timestamp();
            int index = i;
            conversation.said(message.id(), message.role(), message.content(), at == null || at.isBlank() ? null
                    : Transcript.instant(at).orElseThrow(() -> new ValidationException("messages[" + index
                            + "].timestamp must be an ISO-8601 time such as 2026-12-07T10:15:00Z, not \"" + at
                            + "\"")));
        }
        boolean offered = samplingClients.offer(caller, sampling);
        CaptureJob job = queue.enqueue(caller, conversation.build(caller.sessionId()).turns());
        if (!offered) {
            return LearningJobView.of(job);
        }
        try {
            return LearningJobView.of(awaitLearned(caller, job));
        } finally {
            samplingClients.done(job);
        }
    }

    /** The job once learned from, or as it stands when the wait for the client's model is over. */
    private CaptureJob awaitLearned(Caller caller, CaptureJob queued) {
        long deadline = System.nanoTime() + SamplingClients.WAIT.toNanos();
        CaptureJob job = queued;
        while (job.state != CaptureJob.State.DONE && job.state != CaptureJob.State.FAILED
                && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return job;
            }
            job = queue.job(caller.userId(), queued.id).orElse(job);
        }
        return job;
    }

    @Tool(name = "get_learning_job", description = """
            Tell how learning from a handed-over conversation went: queued, running, done (with what each store \
            learned) or failed (with why, after its last attempt).""",
            annotations = @Annotations(title = "How learning from a conversation went", readOnlyHint = true,
                    destructiveHint = false, idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = LearningJobView.class))
    LearningJobView getLearningJob(
            @ToolArg(name = "job_id", description = "The job_id learn_from_conversation answered.")
            @NotBlank @Size(max = 64) String jobId,
            @ToolArg(name = "user_id", description = "Optional: whose conversation (default: the current user).",
                    required = false) @UserId String userId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, userId, null, null);
        return queue.job(caller.userId(), jobId).map(LearningJobView::of)
                .orElseThrow(() -> new ToolCallException("No learning job " + jobId + " for " + caller.userId() + "."));
    }
}
