package dev.lore.mcp;

import java.util.Collection;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.validation.Path;
import jakarta.validation.constraints.Size;

import dev.lore.identity.ForbiddenUserException;
import dev.lore.search.EmbeddingFailedException;
import io.quarkiverse.mcp.server.ToolCallException;

/**
 * Wraps Bean Validation of MCP tool arguments (and of the services they call), which runs at
 * {@code PLATFORM_AFTER + 800}, and turns its violations into one tool error such as
 * {@code Invalid input: title must be at most 200 characters (got 245).} A service's own
 * {@link ValidationException} (input that breaks a rule no annotation can state), a refused identity and an embedding
 * model that failed become tool errors with their message too.
 */
@ToolErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 700)
public class ToolErrorsInterceptor {

    private static final Pattern CONTAINER_ELEMENT = Pattern.compile("\\.?<[^>]+>");

    @AroundInvoke
    Object reportInvalidInput(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ConstraintViolationException e) {
            throw new ToolCallException(describe(e.getConstraintViolations()));
        } catch (ValidationException e) {
            throw new ToolCallException("Invalid input: " + e.getMessage() + ".");
        } catch (ForbiddenUserException | EmbeddingFailedException e) {
            throw new ToolCallException(e.getMessage() + ".");
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

    /**
     * The argument as the caller wrote it, e.g. {@code title}, {@code tags[1]} or {@code plan[0].state}: the
     * validation path without the method name and without Bean Validation's container-element markers.
     */
    private static String fieldOf(Path path) {
        String full = path.toString();
        String argument = full.substring(full.indexOf('.') + 1);
        return CONTAINER_ELEMENT.matcher(argument).replaceAll("");
    }
}
