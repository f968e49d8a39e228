package dev.lore.decisions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.validation.ValidationException;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import dev.lore.store.TagName;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.Tool.Annotations;
import io.quarkiverse.mcp.server.Tool.OutputSchema;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolCallException;

/** Decision Log over MCP: what was decided, why, and how it went. */
@McpErrors
@RedactSecrets
public class DecisionMcp {

    private final DecisionService decisions;
    private final CallerResolver callers;

    DecisionMcp(DecisionService decisions, CallerResolver callers) {
        this.decisions = decisions;
        this.callers = callers;
    }

    @Tool(name = "log_decision", description = """
            Log a decision you made or helped make, with its reasoning, so that later you and others know what was \
            decided and why: "Use Postgres for the event store" / "we need transactions and the team knows it" / \
            alternatives ["Kafka", "DynamoDB"]. Log decisions that shape later work, not every small step. \
            Record how it went later with record_outcome.""",
            annotations = @Annotations(title = "Log a decision", readOnlyHint = false, destructiveHint = false,
                    idempotentHint = false, openWorldHint = false),
            outputSchema = @OutputSchema(from = LoggedDecision.class))
    LoggedDecision logDecision(
            @ToolArg(description = "What was decided (at most 2000 characters).")
            @NotBlank @Size(max = NewDecision.DECISION_MAX) String decision,
            @ToolArg(description = "Why (at most 4000 characters).")
            @NotBlank @Size(max = NewDecision.REASONING_MAX) String reasoning,
            @ToolArg(description = "Optional: the options that were weighed and not taken (up to 10).", required = false)
            @Size(max = NewDecision.ALTERNATIVES_MAX, message = "{lore.size.items}")
            List<@NotBlank @Size(max = NewDecision.ALTERNATIVE_MAX) String> alternatives,
            @ToolArg(description = "Optional: the situation it was made in (at most 2000 characters).", required = false)
            @Size(max = NewDecision.CONTEXT_MAX) String context,
            @ToolArg(description = "Optional: up to 20 labels.", required = false)
            @Size(max = NewDecision.TAGS_MAX, message = "{lore.size.items}") List<@TagName String> tags,
            @ToolArg(description = "Optional: how sure you are, from 0 to 1.", required = false)
            @DecimalMin("0")
            @DecimalMax("1") Double confidence,
            @ToolArg(description = NamespaceArgument.TO_WORK_IN, required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        return LoggedDecision.logged(decisions.log(caller, new NewDecision(decision, reasoning, alternatives, context,
                tags, confidence)));
    }

    @Tool(name = "record_outcome", description = """
            Record how a logged decision turned out, and whether it worked, so the next decision can learn from it.""",
            annotations = @Annotations(title = "Record a decision's outcome", readOnlyHint = false,
                    destructiveHint = true, idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = LoggedDecision.class))
    LoggedDecision recordOutcome(
            @ToolArg(name = "decision_id", description = "The id log_decision returned.")
            @NotBlank @Size(max = 64) String decisionId,
            @ToolArg(description = "What happened (at most 4000 characters).")
            @NotBlank @Size(max = 4000) String outcome,
            @ToolArg(description = "Optional: whether it worked.", required = false) Boolean success,
            @ToolArg(description = "Optional: the namespace of the decision (default: 'default'; with a token, its "
                    + "first).", required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        return LoggedDecision.outcomeRecorded(decisions.recordOutcome(caller, decisionId, outcome, success)
                .orElseThrow(() -> new ToolCallException("No decision with id " + decisionId + " in namespace "
                        + caller.namespace() + ".")));
    }

    @Tool(name = "search_decisions", description = """
            Search past decisions of the namespace with a question or keywords ("why did we choose Postgres?"), \
            before deciding something similar. Results show the reasoning and, when recorded, the outcome.""",
            annotations = @Annotations(title = "Search decisions", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = DecisionList.class))
    DecisionList searchDecisions(
            @ToolArg(description = "What you want to know, in plain words (at most 1000 characters).")
            @NotBlank @Size(max = SearchArguments.QUERY_MAX) String query,
            @ToolArg(description = "How many results at most, 1 to 50 (default 10).", defaultValue = "10")
            @Min(1) @Max(SearchArguments.LIMIT_MAX) int limit,
            @ToolArg(name = "agent_id", description = "Optional: only the decisions of this agent.", required = false)
            @Size(max = 128) String agentId,
            @ToolArg(description = "Optional: only decisions carrying all of these tags.", required = false)
            @Size(max = NewDecision.TAGS_MAX, message = "{lore.size.items}") List<@TagName String> tags,
            @ToolArg(description = NamespaceArgument.TO_WORK_IN, required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        String agent = agentFilter(agentId);
        return DecisionList.found(caller.namespace(), query, agent, decisions.search(caller.namespace(), query, limit,
                agent, tags).stream().map(found -> DecisionView.of(found.record(), found.hit())).toList());
    }

    @Tool(name = "list_decisions", description = """
            List the namespace's decisions, newest first, optionally since a date and of one agent.""",
            annotations = @Annotations(title = "List decisions", readOnlyHint = true, destructiveHint = false,
                    idempotentHint = true, openWorldHint = false),
            outputSchema = @OutputSchema(from = DecisionList.class))
    DecisionList listDecisions(
            @ToolArg(description = "Optional: only decisions made since this date or moment, e.g. 2026-11-01 or "
                    + "2026-11-01T09:00:00Z.", required = false) @Size(max = 40) String since,
            @ToolArg(description = "How many at most, 1 to 100 (default 20).", defaultValue = "20")
            @Min(1) @Max(SearchArguments.LIST_LIMIT_MAX) int limit,
            @ToolArg(name = "agent_id", description = "Optional: only the decisions of this agent.", required = false)
            @Size(max = 128) String agentId,
            @ToolArg(description = NamespaceArgument.TO_WORK_IN, required = false)
            @NamespaceName String namespace,
            McpConnection connection) {
        Caller caller = callers.resolve(connection, null, null, namespace);
        String agent = agentFilter(agentId);
        return DecisionList.listed(caller.namespace(), since, agent, decisions.list(caller.namespace(), agent,
                moment(since), limit).stream().map(DecisionView::of).toList());
    }

    @ResourceTemplate(uriTemplate = "lore://decisions/{id}", name = "decision", title = "A decision",
            description = "One decision, with its reasoning and outcome.", mimeType = "text/markdown")
    TextResourceContents decision(String id, RequestUri uri) {
        DecisionView view = decisions.find(id).filter(found -> callers.reaches(found.namespace))
                .map(DecisionView::of).orElseThrow(
                () -> new McpException("No decision with id " + id, JsonRpcErrorCodes.RESOURCE_NOT_FOUND));
        return new TextResourceContents(uri.value(), "# " + view.describe() + "\n", "text/markdown");
    }

    private static String agentFilter(String agentId) {
        return agentId == null || agentId.isBlank() ? null : CallerResolver.agentName(agentId);
    }

    private static Instant moment(String since) {
        if (since == null || since.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            return since.strip().length() == 10 ? LocalDate.parse(since.strip()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(since.strip());
        } catch (DateTimeParseException e) {
            throw new ValidationException("since must be a date such as 2026-11-01 or a moment such as "
                    + "2026-11-01T09:00:00Z (got '" + since + "')");
        }
    }
}
