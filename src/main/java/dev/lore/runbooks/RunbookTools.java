package dev.lore.runbooks;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.capture.SecretRedactor;
import dev.lore.identity.Caller;
import dev.lore.identity.CallerResolver;
import dev.lore.identity.NamespaceName;
import dev.lore.mcp.Answer;
import dev.lore.mcp.AnswerEncoder;
import dev.lore.mcp.McpErrorsInterceptor;
import dev.lore.mcp.NamespaceArgument;
import dev.lore.mcp.SearchArguments;
import dev.lore.store.LearningStores;
import io.quarkiverse.mcp.server.McpConnection;
import io.quarkiverse.mcp.server.ToolManager;
import io.quarkiverse.mcp.server.ToolResponse;
import io.quarkus.runtime.StartupEvent;

/**
 * The runbook store's tools, registered through the MCP server's programmatic API at start (as a store packaged
 * apart from Lore would register its own), and only while the store's mode gives it tools. Arguments are checked with
 * the same constraints as the annotated tools', secrets redacted first; a bad argument is a tool error naming it.
 */
@ApplicationScoped
class RunbookTools {

    private final ToolManager tools;
    private final LearningStores stores;
    private final RunbookService runbooks;
    private final CallerResolver callers;
    private final AnswerEncoder answers;
    private final ObjectMapper json;
    private final Validator validator;

    RunbookTools(ToolManager tools, LearningStores stores, RunbookService runbooks, CallerResolver callers,
            AnswerEncoder answers, ObjectMapper json, Validator validator) {
        this.tools = tools;
        this.stores = stores;
        this.runbooks = runbooks;
        this.callers = callers;
        this.answers = answers;
        this.json = json;
        this.validator = validator;
    }

    /** Where a save or search goes: the namespace the call names, checked as every tool checks it. */
    record InNamespace(@NamespaceName String namespace) {
    }

    record RunbookQuery(@NotBlank @Size(max = SearchArguments.QUERY_MAX) String query,
            @Min(1) @Max(SearchArguments.LIMIT_MAX) int limit, @NamespaceName String namespace) {
    }

    void register(@Observes StartupEvent start) {
        if (!stores.named(RunbookService.STORE).map(stores::hasTools).orElse(false)) {
            return;
        }
        tools.newTool("save_runbook").setTitle("Save a runbook").setDescription("""
                Save a procedure you or the user just carried out for a task (deploying, migrating, rotating a key, \
                fixing a recurring failure) with how it went, so that the next person doing the same task finds \
                what worked. Runbooks are shared with everyone in the namespace and found by what they are for with \
                search_runbooks. The same procedure saved again counts one more run on the stored runbook.""")
                .addArgument("task", "What the procedure is for, e.g. \"rotate the staging TLS certificate\" (at "
                        + "most 200 characters).", true, String.class)
                .addArgument("steps", "What was done, in order (at most 8192 characters).", true, String.class)
                .addArgument("outcome", "How it went: worked, failed or partly.", true, String.class)
                .addArgument("notes", "Optional: what to watch out for (at most 2000 characters).", false,
                        String.class)
                .addArgument("tags", "Optional: up to 20 labels.", false, List.class)
                .addArgument("namespace", NamespaceArgument.TO_WORK_IN, false,
                        String.class)
                .setHandler(call -> answer(call.args(), arguments -> {
                    NewRunbook runbook = json.treeToValue(arguments, NewRunbook.class);
                    Caller caller = caller(call.connection(), checked(new InNamespace(text(arguments, "namespace")))
                            .namespace());
                    return RunbookAnswers.SavedRunbook.of(runbooks.save(caller, runbook));
                }), true)
                .register();
        tools.newTool("search_runbooks").setTitle("Search runbooks").setDescription("""
                Find the procedures the team followed for a task, best first, each with its steps and how often it \
                worked or failed. Call it before carrying out an operational task (a deploy, a migration, a \
                recovery) so that what worked before is reused and what failed is avoided.""")
                .addArgument("query", "The task, in plain words (at most 1000 characters).", true, String.class)
                .addArgument("limit", "How many results at most, 1 to 50 (default 5).", false, Integer.class, "5")
                .addArgument("namespace", NamespaceArgument.TO_SEARCH, false,
                        String.class)
                .setHandler(call -> answer(call.args(), arguments -> {
                    RunbookQuery query = checked(new RunbookQuery(text(arguments, "query"),
                            arguments.path("limit").asInt(5), text(arguments, "namespace")));
                    Caller caller = caller(call.connection(), query.namespace());
                    return RunbookAnswers.RunbookSearch.of(query.query(), caller.namespace(),
                            runbooks.search(caller, query.query(), query.limit()));
                }), true)
                .register();
    }

    private Caller caller(McpConnection connection, String namespace) {
        return callers.resolve(connection, null, null, namespace);
    }

    /** The arguments with secrets redacted, handed to the tool; a bad argument becomes a tool error naming it. */
    private ToolResponse answer(Map<String, Object> given, ToolWork work) {
        JsonNode arguments = json.valueToTree(given);
        SecretRedactor.redact(arguments);
        try {
            return answers.encode(work.apply(arguments));
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return ToolResponse.error("The arguments do not have the types the tool's schema gives: "
                    + e.getMessage().lines().findFirst().orElse(""));
        } catch (RuntimeException e) {
            return ToolResponse.error(McpErrorsInterceptor.readable(e).orElseThrow(() -> e).message());
        }
    }

    private <T> T checked(T arguments) {
        Set<ConstraintViolation<T>> violations = validator.validate(arguments);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return arguments;
    }

    private static String text(JsonNode arguments, String name) {
        JsonNode value = arguments.path(name);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    @FunctionalInterface
    private interface ToolWork {
        Answer apply(JsonNode arguments) throws JsonProcessingException;
    }
}
