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
import jakarta.validation.Path;
import jakarta.validation.constraints.Size;

import io.quarkiverse.mcp.server.ToolCallException;

/**
 * Wraps Bean Validation of MCP tool arguments (and of the services they call), which runs at
 * {@code PLATFORM_AFTER + 800}, and turns its violations into one tool error such as
 * {@code Invalid input: title must be at most 200 characters (got 245).}
 */
@ToolErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 700)
public class ToolErrorsInterceptor {

    @AroundInvoke
    Object reportInvalidInput(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ConstraintViolationException e) {
            throw new ToolCallException(describe(e.getConstraintViolations()));
        }
    }

    static String describe(Collection<ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(ToolErrorsInterceptor::describe)
                .sorted(Comparator.naturalOrder())
                .collect(Collectors.joining("; ", "Invalid input: ", "."));
    }

    private static String describe(ConstraintViolation<?> violation) {
        String description = fieldOf(violation.getPropertyPath()) + " " + violation.getMessage();
        if (violation.getConstraintDescriptor().getAnnotation() instanceof Size) {
            Object value = violation.getInvalidValue();
            if (value instanceof CharSequence text) {
                return description + " (got " + text.length() + ")";
            }
            if (value instanceof Collection<?> items) {
                return description + " (got " + items.size() + ")";
            }
        }
        return description;
    }

    /** The argument or property name, with an element index where the value is an item of a list. */
    private static String fieldOf(Path path) {
        String field = "";
        Integer index = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER, PROPERTY -> {
                    field = node.getName();
                    index = node.getIndex();
                }
                case CONTAINER_ELEMENT -> index = node.getIndex();
                default -> {
                }
            }
        }
        return index == null ? field : field + "[" + index + "]";
    }
}
