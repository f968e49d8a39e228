package dev.lore.mcp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.validation.constraints.Size;

import dev.lore.identity.ForbiddenUserException;
import dev.lore.search.EmbeddingFailedException;
import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * Wraps Bean Validation of MCP arguments (and of the services they call), which runs at {@code PLATFORM_AFTER + 800},
 * and turns its violations into one error such as {@code Invalid input: title must be at most 200 characters (got
 * 245).} A service's own {@link ValidationException} (input that breaks a rule no annotation can state), a refused
 * identity and an embedding model that failed are reported with their message too. A tool reports them as a tool
 * error, which the calling model reads; a resource or prompt, which has no such result, as a JSON-RPC error.
 */
@McpErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 700)
public class McpErrorsInterceptor {

    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    @AroundInvoke
    Object reportErrors(InvocationContext context) throws Exception {
        boolean tool = context.getMethod().isAnnotationPresent(Tool.class);
        try {
            return context.proceed();
        } catch (ConstraintViolationException e) {
            throw invalid(tool, describe(e.getConstraintViolations()));
        } catch (ValidationException e) {
            throw invalid(tool, "Invalid input: " + e.getMessage() + ".");
        } catch (ForbiddenUserException e) {
            throw invalid(tool, e.getMessage() + ".");
        } catch (EmbeddingFailedException e) {
            throw tool ? new ToolCallException(e.getMessage() + ".")
                    : new McpException(e.getMessage() + ".", JsonRpcErrorCodes.INTERNAL_ERROR);
        }
    }

    private static RuntimeException invalid(boolean tool, String message) {
        return tool ? new ToolCallException(message) : new McpException(message, JsonRpcErrorCodes.INVALID_PARAMS);
    }

    static String describe(Collection<ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(McpErrorsInterceptor::describe)
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; ", "Invalid input: ", "."));
    }

    private static String describe(ConstraintViolation<?> violation) {
        String description = fieldOf(violation) + " " + violation.getMessage();
        if (violation.getConstraintDescriptor().getAnnotation() instanceof Size) {
            Object value = violation.getInvalidValue();
            if (value instanceof CharSequence text) {
                return description + " (got " + text.length() + ")";
            }
            if (value instanceof Collection<?> items) {
                return description + " (got " + items.size() + ")";
            }
            if (value instanceof Map<?, ?> entries) {
                return description + " (got " + entries.size() + ")";
            }
        }
        return description;
    }

    /**
     * The field as the caller named it, e.g. {@code title}, {@code tags[1]}, {@code plan[0].state} or
     * {@code session_id}: the validation path without the method and without a parameter that only carries a record's
     * fields (a service's input), in the snake case of the tools' arguments.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && argumentOf(violation, node) instanceof Record) {
                continue;
            }
            if (!parts.isEmpty() && (node.getIndex() != null || node.getKey() != null)) {
                int last = parts.size() - 1;
                parts.set(last, parts.get(last) + "[" + (node.getIndex() != null ? node.getIndex() : node.getKey())
                        + "]");
            }
            if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                parts.add(WORD_START.matcher(node.getName()).replaceAll("_").toLowerCase(Locale.ROOT));
            }
        }
        return String.join(".", parts);
    }

    private static Object argumentOf(ConstraintViolation<?> violation, Path.Node parameter) {
        Object[] arguments = violation.getExecutableParameters();
        int index = parameter.as(Path.ParameterNode.class).getParameterIndex();
        return arguments == null || index >= arguments.length ? null : arguments[index];
    }
}
