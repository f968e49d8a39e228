package dev.lore.knowledge;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.NamespaceName;
import dev.lore.identity.Namespaces;
import dev.lore.mcp.Replies;
import dev.lore.mcp.ToolErrors;
import dev.lore.search.TagName;
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
import io.quarkiverse.mcp.server.ToolResponse;

/** Learned Knowledge over MCP: save and search insights shared within a namespace. */
@ToolErrors
public class KnowledgeMcp {

    static final int RECENT = 20;

    private final LearningService learnings;
    private final CallerResolver callers;

    KnowledgeMcp(LearningService learnings, CallerResolver callers) {
        this.learnings = learnings;
        this.callers = callers;
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
    ToolResponse saveLearning(
            @ToolArg(description = "A short headline for the learning (at most 200 characters).")
            @NotBlank @Size(max = 200, message = "must be at most {max} characters") String title,
            @ToolArg(description = "The insight itself, self-contained (at most 8192 characters).")
            @NotBlank @Size(max = 8192, message = "must be at most {max} characters") String learning,
            @ToolArg(description = "Optional: the situation it came from (at most 2000 characters).", required = false)
            @Size(max = 2000, message = "must be at most {max} characters") String context,
            @ToolArg(description = "Optional: up to 20 labels, e.g. [\"aws\", \"cost\"].", required = false)
            @Size(max = 20, message = "must have at most {max} tags") List<@TagName String> tags,
            @ToolArg(description = "Optional: the team or project namespace to share it in (default: 'default').",
                    required = false)
            @NamespaceName String namespace,
            @ToolArg(name = "session_id", description = "Optional: the conversation or task this was learned in, "
                    + "when it is not this MCP session (at most 256 characters).", required = false)
            @Size(max = 256, message = "must be at most {max} characters") String sessionId,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, sessionId, namespace);
        Saved saved = learnings.save(caller, new NewLearning(title, learning, context, tags));
        Learning stored = saved.learning();
        String message = saved.created()
                ? "Saved learning " + stored.id + " \"" + stored.title + "\" in namespace " + stored.namespace + "."
                : "Namespace " + stored.namespace + " already knew this: reinforced learning " + stored.id + " \""
                        + stored.title + "\" (confirmed " + stored.confirmations + " times).";
        return Replies.of(message, new SavedLearning(stored.id, saved.created() ? "created" : "reinforced", message,
                LearningView.of(stored)));
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
    ToolResponse searchLearnings(
            @ToolArg(description = "What you want to know, in plain words (at most 1000 characters).")
            @NotBlank @Size(max = 1000, message = "must be at most {max} characters") String query,
            @ToolArg(description = "How many results at most, 1 to 50 (default 10).", defaultValue = "10")
            @Min(value = 1, message = "must be at least {value}") @Max(value = 50, message = "must be at most {value}") int limit,
            @ToolArg(description = "Optional: the namespace to search (default: 'default').", required = false)
            @NamespaceName String namespace,
            @ToolArg(description = "Optional: only learnings carrying all of these tags.", required = false)
            @Size(max = 20, message = "must have at most {max} tags") List<@TagName String> tags,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        List<LearningMatch> results = learnings.search(caller, query, limit, tags).stream().map(LearningMatch::of)
                .toList();
        return Replies.of(describe(query, caller.namespace(), results),
                new LearningSearch(query, caller.namespace(), results.size(), results));
    }

    @ResourceTemplate(uriTemplate = "lore://learnings/{id}", name = "learning", title = "A learning",
            description = "One learning, by id.", mimeType = "text/markdown")
    TextResourceContents learning(String id, RequestUri uri) {
        Learning learning = learnings.find(id)
                .orElseThrow(() -> new McpException("No learning with id " + id, JsonRpcErrorCodes.RESOURCE_NOT_FOUND));
        return new TextResourceContents(uri.value(), markdown(LearningView.of(learning)), "text/markdown");
    }

    @Resource(uri = "lore://learnings/recent", name = "recent_learnings", title = "Recent learnings",
            description = "The 20 most recent learnings of the default namespace.", mimeType = "text/markdown")
    TextResourceContents recentLearnings(RequestUri uri) {
        return new TextResourceContents(uri.value(), recent(Caller.DEFAULT_NAMESPACE), "text/markdown");
    }

    @ResourceTemplate(uriTemplate = "lore://namespaces/{namespace}/learnings", name = "namespace_learnings",
            title = "Recent learnings of a namespace", description = "The 20 most recent learnings of a namespace.",
            mimeType = "text/markdown")
    TextResourceContents namespaceLearnings(String namespace, RequestUri uri) {
        return new TextResourceContents(uri.value(), recent(Namespaces.checked(namespace)), "text/markdown");
    }

    private String recent(String namespace) {
        List<Learning> recent = learnings.recent(namespace, RECENT);
        if (recent.isEmpty()) {
            return "# Recent learnings in " + namespace + "\n\nNo learnings yet.\n";
        }
        return recent.stream().map(l -> "- **" + l.title + "** (" + l.id + ", " + l.createdAt + ", by " + l.authorUserId
                + "): " + l.body.replace('\n', ' '))
                .collect(Collectors.joining("\n", "# Recent learnings in " + namespace + "\n\n", "\n"));
    }

    private static String markdown(LearningView l) {
        StringBuilder md = new StringBuilder("# ").append(l.title()).append("\n\n").append(l.text()).append("\n\n");
        if (l.context() != null) {
            md.append("Context: ").append(l.context()).append("\n\n");
        }
        if (!l.tags().isEmpty()) {
            md.append("Tags: ").append(String.join(", ", l.tags())).append("\n");
        }
        return md.append("Namespace: ").append(l.namespace()).append("\n")
                .append("Saved by ").append(l.author()).append(" (").append(l.agent()).append(") at ")
                .append(l.createdAt()).append("\nId: ").append(l.id()).append("\n").toString();
    }

    private static String describe(String query, String namespace, List<LearningMatch> results) {
        if (results.isEmpty()) {
            return "No learnings in namespace " + namespace + " match \"" + query + "\".";
        }
        StringBuilder text = new StringBuilder("Found ").append(results.size())
                .append(results.size() == 1 ? " learning" : " learnings").append(" for \"").append(query)
                .append("\" in namespace ").append(namespace).append(":\n");
        int rank = 1;
        for (LearningMatch m : results) {
            text.append(rank++).append(". ").append(m.title()).append(" (score ").append(m.score());
            if (m.similarity() != null) {
                text.append(", similarity ").append(m.similarity());
            }
            text.append(", id ").append(m.id()).append(")\n   ").append(m.text().replace("\n", "\n   ")).append('\n');
            if (!m.tags().isEmpty()) {
                text.append("   tags: ").append(String.join(", ", m.tags())).append('\n');
            }
        }
        return text.toString().stripTrailing();
    }
}
