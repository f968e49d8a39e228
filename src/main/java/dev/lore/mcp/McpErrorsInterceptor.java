package dev.lore.mcp;

import java.util.Collection;
import java.util.Comparator;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;

import org.jboss.logging.Logger;

import dev.lore.identity.CallRefusedException;
import dev.lore.search.EmbeddingFailedException;
import dev.lore.storage.DatabaseOutage;
import dev.lore.validation.Violations;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * Wraps Bean Validation of MCP arguments (and of the services they call), which runs at {@code PLATFORM_AFTER + 800},
 * and turns its violations into one error such as {@code Invalid input: title must be at most 200 characters (got
 * 245).} A service's own {@link ValidationException} (input that breaks a rule no annotation can state), a refused
 * identity, an embedding model that failed and a database out of reach are reported with their message too. A tool
 * reports them as a tool error, which the calling model reads; a resource or prompt, which has no such result, as a
 * JSON-RPC error.
 */
@McpErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 700)
public class McpErrorsInterceptor {

    private static final Logger LOG = Logger.getLogger(McpErrorsInterceptor.class);

    @AroundInvoke
    Object reportErrors(InvocationContext context) throws Exception {
        boolean tool = context.getMethod().isAnnotationPresent(Tool.class);
        try {
            return context.proceed();
        } catch (ConstraintViolationException e) {
            throw invalid(tool, describe(e.getConstraintViolations()));
        } catch (ValidationException e) {
            throw invalid(tool, "Invalid input: " + e.getMessage() + ".");
        } catch (CallRefusedException e) {
            LOG.infof("Refused a call: %s", e.getMessage()); // with the caller in the log context: who tried what
            throw invalid(tool, e.getMessage() + ".");
        } catch (EmbeddingFailedException e) {
            throw unavailable(tool, e.getMessage() + ".");
        } catch (RuntimeException e) {
            throw DatabaseOutage.messageFor(e).map(message -> unavailable(tool, message + ".")).orElseThrow(() -> e);
        }
    }

    private static RuntimeException unavailable(boolean tool, String message) {
        return tool ? new ToolCallException(message) : new McpException(message, JsonRpcErrorCodes.INTERNAL_ERROR);
    }

    private static RuntimeException invalid(boolean tool, String message) {
        return tool ? new ToolCallException(message) : new McpException(message, JsonRpcErrorCodes.INVALID_PARAMS);
    }

    static String describe(Collection<ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(Violations::describe)
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; ", "Invalid input: ", "."));
    }
}
