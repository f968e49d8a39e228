package dev.lore.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.constraints.Size;

/**
 * Bean Validation's violations in the words Lore answers with, whoever reports them (a tool error, an import that
 * names the line): {@code title must be at most 200 characters (got 245)}.
 */
public final class Violations {

    private static final Pattern WORD_START = Pattern.compile("(?<=[a-z0-9])(?=[A-Z])");

    private Violations() {
    }

    /** A violation as a person reads it: the field, what it must be, and what it was when that helps. */
    public static String describe(ConstraintViolation<?> violation) {
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
    public static String fieldOf(ConstraintViolation<?> violation) {
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
        int index;
        try {
            index = parameter.as(Path.ParameterNode.class).getParameterIndex();
        } catch (NullPointerException e) {
            // Hibernate Validator 9 leaves the index out of a path that a constraint built itself (a violation of
            // ValidProfileFields on one field of the map): that parameter keeps its name
            return null;
        }
        return arguments == null || index >= arguments.length ? null : arguments[index];
    }
}
