package dev.lore.review;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.identity.CallerResolver;
import dev.lore.identity.NamespaceName;
import dev.lore.identity.Namespaces;
import dev.lore.identity.Role;
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

/** The review inbox over MCP, for a reviewer: list what waits, accept (as it is or edited) or reject it. */
@McpErrors
@RedactSecrets
public class ReviewMcp {

    static final int LIST_MAX = 100;
    static final int NOTE_MAX = 2000;

    private final ReviewInbox inbox;
    private final CallerResolver callers;
    private final ObjectMapper json;

    ReviewMcp(ReviewInbox inbox, CallerResolver callers, ObjectMapper json) {
        this.inbox = inbox;
        this.callers = callers;
        this.json = json;
    }

    @Tool(name = "list_proposals", description = """
            List the knowledge waiting in the review inbox for a person to accept: learnings (and whatever else \
            the stores in propose mode take) that an agent or a model proposed, each with who proposed it, from \
            which conversation and why. Show them to the user and let the user decide each with review_proposal; \
            never decide for the user.""",
            annotations = @Annotations(title = "List proposals", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = ProposalList.class))
    ProposalList listProposals(
            @ToolArg(description = "Which proposals: pending (the default), accepted or rejected.",
                    defaultValue = "pending")
            @Pattern(regexp = "(?i)pending|accepted|rejected", message = "{lore.review.state}") String state,
            @ToolArg(description = "Optional: only this namespace's proposals (default: every namespace).",
                    required = false)
            @NamespaceName String namespace,
            @ToolArg(description = "How many at most, 1 to 100 (default 20).", defaultValue = "20")
            @Min(1) @Max(LIST_MAX) int limit,
            McpConnection connection) {
        Reviewer reviewer = reviewer(connection, "list_proposals");
        Proposal.State wanted = Proposal.State.valueOf(state.toUpperCase(Locale.ROOT));
        return ProposalList.of(state.toLowerCase(Locale.ROOT), inbox.list(reviewer, wanted,
                namespace == null ? null : Namespaces.normalize(namespace), limit));
    }

    @Tool(name = "review_proposal", description = """
            Decide a proposal of the review inbox as the user said: accept it (then it is saved like any other \
            save, with who proposed and who accepted it kept on the proposal), accept it edited (give the whole \
            knowledge item, changed, in knowledge), or reject it (it is remembered, so the same knowledge is not \
            proposed again). Only on the user's word: an agent cannot accept what it proposed itself.""",
            annotations = @Annotations(title = "Review a proposal", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false),
            outputSchema = @OutputSchema(from = ProposalView.class))
    ProposalView reviewProposal(
            @ToolArg(name = "proposal_id", description = "The proposal's id, as list_proposals gives it.")
            @NotBlank @Size(max = 64) String proposalId,
            @ToolArg(description = "accept or reject.")
            @NotBlank @Pattern(regexp = "(?i)accept|reject", message = "{lore.review.decision}") String decision,
            @ToolArg(description = "Optional, with accept: the knowledge item as it should be saved, every field of "
                    + "the proposal's knowledge with the changes the user made.", required = false)
            Map<String, Object> knowledge,
            @ToolArg(description = "Optional: why, in a few words (at most 2000 characters).", required = false)
            @Size(max = NOTE_MAX) String note,
            McpConnection connection) {
        Reviewer reviewer = reviewer(connection, "review_proposal");
        Proposal decided = "accept".equalsIgnoreCase(decision)
                ? inbox.accept(reviewer, proposalId, knowledge == null ? null : json.valueToTree(knowledge), note)
                : inbox.reject(reviewer, proposalId, note);
        return ProposalView.of(decided);
    }

    @ResourceTemplate(uriTemplate = "lore://proposals/{id}", name = "proposal", title = "A proposal",
            description = "One proposal of the review inbox, by id: what it says, who proposed it, what was decided.",
            mimeType = "text/markdown")
    TextResourceContents proposal(String id, RequestUri uri, McpConnection connection) {
        Reviewer reviewer = reviewer(connection, "reading a proposal");
        return new TextResourceContents(uri.value(), ProposalView.of(inbox.show(reviewer, id)).toText(),
                "text/markdown");
    }

    /** The caller as a reviewer, within the namespaces their token reaches; refused when the token is no reviewer's. */
    private Reviewer reviewer(McpConnection connection, String what) {
        Set<String> reach = callers.reach(Role.REVIEWER, what);
        return new Reviewer(callers.resolve(connection, null, null, null), reach);
    }
}
