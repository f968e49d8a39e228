package dev.lore.mcp;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
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
        try {
            return context.proceed();
        } catch (RuntimeException e) {
            Readable readable = readable(e).orElseThrow(() -> e);
            throw context.getMethod().isAnnotationPresent(Tool.class) ? new ToolCallException(readable.message())
                    : new McpException(readable.message(), readable.code());
        }
    }

    /** A failure told to the caller: its message, and the JSON-RPC code a resource or prompt answers it with. */
    public record Readable(String message, int code) {
    }

    /**
     * What the caller is told of a failure it must be able to read (any MCP feature, the programmatic tools too);
     * empty for any other, which stays an internal error.
     */
    public static Optional<Readable> readable(RuntimeException failure) {
        if (failure instanceof ConstraintViolationException invalid) {
            return Optional.of(new Readable(describe(invalid.getConstraintViolations()),
                    JsonRpcErrorCodes.INVALID_PARAMS));
        }
        if (failure instanceof ValidationException invalid) {
            return Optional.of(new Readable("Invalid input: " + invalid.getMessage() + ".",
                    JsonRpcErrorCodes.INVALID_PARAMS));
        }
        if (failure instanceof CallRefusedException refused) {
            LOG.infof("Refused a call: %s", refused.getMessage()); // with the caller in the log context: who tried what
            return Optional.of(new Readable(refused.getMessage() + ".", JsonRpcErrorCodes.INVALID_PARAMS));
        }
        if (failure instanceof EmbeddingFailedException failed) {
            return Optional.of(new Readable(failed.getMessage() + ".", JsonRpcErrorCodes.INTERNAL_ERROR));
        }
        return DatabaseOutage.messageFor(failure)
                .map(message -> new Readable(message + ".", JsonRpcErrorCodes.INTERNAL_ERROR));
    }

    static String describe(Collection<ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(Violations::describe)
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; ", "Invalid input: ", "."));
    }
}
