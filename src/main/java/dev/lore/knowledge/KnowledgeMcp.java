package dev.lore.knowledge;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.NamespaceName;
import dev.lore.mcp.McpErrors;
import dev.lore.mcp.NamespaceArgument;
import dev.lore.mcp.RedactSecrets;
import dev.lore.mcp.SearchArguments;
import dev.lore.review.AskTheUser;
import dev.lore.review.ReviewInbox;
import dev.lore.store.TagName;
import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.Resource;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.Tool.Annotations;
import io.quarkiverse.mcp.server.Tool.OutputSchema;
import io.quarkiverse.mcp.server.ToolArg;

/** Learned Knowledge over MCP: save and search insights shared within a namespace. */
@McpErrors
@RedactSecrets
public class KnowledgeMcp {

    static final int RECENT = 20;

    private final LearningService learnings;
    private final CallerResolver callers;
    private final ReviewInbox inbox;
    private final AskTheUser askTheUser;

    KnowledgeMcp(LearningService learnings, CallerResolver callers, ReviewInbox inbox, AskTheUser askTheUser) {
        this.learnings = learnings;
        this.callers = callers;
        this.inbox = inbox;
        this.askTheUser = askTheUser;
    }

    @Tool(name = "save_learning", description = """
            Save an insight that will help anyone on the team later: a fix that worked, a gotcha, a convention, \
            a non-obvious fact about the systems, the tools or the domain. Learnings are shared with everyone in \
            the namespace and found by meaning with search_learnings. Write it so it stands alone: what was \
            learned, why it matters, when it applies. Save what is reusable and not obvious; do not save chit-chat, \
            secrets, or facts about the user. If the namespace already holds the same learning, it is reinforced \
            (confirmed once more, tags merged) instead of copied, and the answer says which one.""",
            annotations = @Annotations(title = "Save a learning", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false),
            outputSchema = @OutputSchema(from = SavedLearning.class))
    SavedLearning saveLearning(
            @ToolArg(description = "A short headline for the learning (at most 200 characters).")
            @NotBlank @Size(max = NewLearning.TITLE_MAX) String title,
            @ToolArg(description = "The insight itself, self-contained (at most 8192 characters).")
            @NotBlank @Size(max = NewLearning.TEXT_MAX) String learning,
            @ToolArg(description = "Optional: the situation it came from (at most 2000 characters).", required = false)
            @Size(max = NewLearning.CONTEXT_MAX) String context,
            @ToolArg(description = "Optional: up to 20 labels, e.g. [\"aws\", \"cost\"].", required = false)
            @Size(max = NewLearning.TAGS_MAX, message = "{lore.size.items}") List<@TagName String> tags,
            @ToolArg(description = NamespaceArgument.TO_SHARE_IN,
                    required = false)
            @NamespaceName String namespace,
            @ToolArg(name = "session_id", description = "Optional: the conversation or task this was learned in, "
                    + "when it is not this MCP session (at most 256 characters).", required = false)
            @Size(max = 256) String sessionId,
            McpConnection connection, Elicitation elicitation) {
        Caller caller = callers.resolve(connection, null, sessionId, namespace);
        NewLearning input = new NewLearning(title, learning, context, tags);
        return inbox.proposeIfReviewed(caller, LearningService.STORE, input, "Saved through save_learning.")
                .map(proposal -> askTheUser.decide(elicitation, caller, proposal)
                        .map(decided -> SavedLearning.decided(decided, learnings::find))
                        .orElseGet(() -> SavedLearning.proposed(proposal, caller.namespace())))
                .orElseGet(() -> SavedLearning.of(learnings.save(caller, input)));
    }

    @Tool(name = "search_learnings", description = """
            Search the team's learned knowledge with a natural-language question or a few keywords. Call it before \
            answering questions about the project, its systems, past problems or conventions, and before starting \
            non-trivial work, so that what others already learned is reused. Matching is by meaning as well as by \
            words, so ask the way you would ask a colleague. Results come best first, each with its score, its \
            similarity to your question and the words that matched.""",
            annotations = @Annotations(title = "Search learnings", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = LearningSearch.class))
    LearningSearch searchLearnings(
            @ToolArg(description = "What you want to know, in plain words (at most 1000 characters).")
            @NotBlank @Size(max = SearchArguments.QUERY_MAX) String query,
            @ToolArg(description = "How many results at most, 1 to 50 (default 10).", defaultValue = "10")
            @Min(1) @Max(SearchArguments.LIMIT_MAX) int limit,
            @ToolArg(description = NamespaceArgument.TO_SEARCH, required = false)
            @NamespaceName String namespace,
            @ToolArg(description = "Optional: only learnings carrying all of these tags.", required = false)
            @Size(max = NewLearning.TAGS_MAX, message = "{lore.size.items}") List<@TagName String> tags,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        return LearningSearch.of(query, caller.namespace(), learnings.search(caller, query, limit, tags));
    }

    @ResourceTemplate(uriTemplate = "lore://learnings/{id}", name = "learning", title = "A learning",
            description = "One learning, by id.", mimeType = "text/markdown")
    TextResourceContents learning(String id, RequestUri uri) {
        Learning learning = learnings.find(id).filter(found -> callers.reaches(found.namespace))
                .orElseThrow(() -> new McpException("No learning with id " + id, JsonRpcErrorCodes.RESOURCE_NOT_FOUND));
        return new TextResourceContents(uri.value(), LearningView.of(learning).markdown(), "text/markdown");
    }

    @Resource(uri = "lore://learnings/recent", name = "recent_learnings", title = "Recent learnings",
            description = "The 20 most recent learnings of your namespace (the default one, or your token's first).",
            mimeType = "text/markdown")
    TextResourceContents recentLearnings(RequestUri uri, McpConnection connection) {
        return recent(callers.resolve(connection, null, null, null).namespace(), uri);
    }

    @ResourceTemplate(uriTemplate = "lore://namespaces/{namespace}/learnings", name = "namespace_learnings",
            title = "Recent learnings of a namespace", description = "The 20 most recent learnings of a namespace.",
            mimeType = "text/markdown")
    TextResourceContents namespaceLearnings(@NamespaceName String namespace, RequestUri uri,
            McpConnection connection) {
        return recent(callers.resolve(connection, null, null, namespace).namespace(), uri);
    }

    private TextResourceContents recent(String namespace, RequestUri uri) {
        return new TextResourceContents(uri.value(),
                LearningView.recentMarkdown(namespace, learnings.recent(namespace, RECENT)), "text/markdown");
    }
}
