package dev.lore.profile;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * What a profile may hold and how an update is read. A profile has well-known fields ({@link #KNOWN}), a
 * {@code preferences} object (communication style, verbosity, tools, stack, or anything else) and custom fields (any
 * other name). Values are text, numbers, booleans or lists of those; {@code null} removes a field.
 */
public final class ProfileFields {

    public static final Set<String> KNOWN = Set.of("name", "preferred_name", "role", "company", "location", "timezone",
            "languages");
    static final String PREFERENCES = "preferences";
    static final String CUSTOM = "custom";
    static final int MAX_TEXT = 1000;
    static final int MAX_ITEMS = 50;
    static final int MAX_FIELDS = 100;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final ObjectMapper JSON = new ObjectMapper();

    private ProfileFields() {
    }

    /** An update read into field paths (e.g. {@code preferences.verbosity}) and values; problems name the field. */
    public record Changes(Map<String, JsonNode> values, List<String> problems) {
    }

    public static Changes read(Map<String, Object> fields) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (fields == null || fields.isEmpty()) {
            problems.add("fields must name at least one field to set or (with null) to remove");
            return new Changes(values, problems);
        }
        fields.forEach((rawName, rawValue) -> {
            String name = normalize(rawName);
            JsonNode value = rawValue == null ? NullNode.getInstance() : JSON.valueToTree(rawValue);
            if (!NAME.matcher(name).matches()) {
                problems.add("fields." + rawName + ": a field name must be 1 to 64 letters, digits or '_', starting with a letter");
            } else if ((name.equals(PREFERENCES) || name.equals(CUSTOM)) && value.isObject()) {
                value.fields().forEachRemaining(e -> {
                    String inner = normalize(e.getKey());
                    if (!NAME.matcher(inner).matches()) {
                        problems.add("fields." + name + "." + e.getKey()
                                + ": a field name must be 1 to 64 letters, digits or '_', starting with a letter");
                    } else {
                        check(name + "." + inner, e.getValue(), problems);
                        values.put(name + "." + inner, e.getValue());
                    }
                });
            } else {
                String path = KNOWN.contains(name) ? name : CUSTOM + "." + name;
                JsonNode normalized = name.equals("languages") && value.isTextual()
                        ? JsonNodeFactory.instance.arrayNode().add(value) : value;
                check(path, normalized, problems);
                values.put(path, normalized);
            }
        });
        if (values.size() > MAX_FIELDS) {
            problems.add("fields must change at most " + MAX_FIELDS + " fields at once (got " + values.size() + ")");
        }
        return new Changes(values, problems);
    }

    private static void check(String path, JsonNode value, List<String> problems) {
        String field = "fields." + path;
        if (value.isNull()) {
            return;
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            if (text.isEmpty()) {
                problems.add(field + " must not be empty (set it to null to remove it)");
            } else if (text.length() > MAX_TEXT) {
                problems.add(field + " must be at most " + MAX_TEXT + " characters (got " + text.length() + ")");
            } else if (path.equals("timezone") && !isZone(text)) {
                problems.add(field + " must be an IANA time zone such as Europe/Berlin (got '" + text + "')");
            }
        } else if (value.isArray()) {
            if (value.size() > MAX_ITEMS) {
                problems.add(field + " must have at most " + MAX_ITEMS + " items (got " + value.size() + ")");
            }
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    problems.add(field + " items must be text, numbers or booleans");
                    return;
                }
                if (item.asText().length() > MAX_TEXT) {
                    problems.add(field + " items must be at most " + MAX_TEXT + " characters");
                    return;
                }
            }
        } else if (!value.isNumber() && !value.isBoolean()) {
            problems.add(field + " must be text, a number, a boolean or a list of those"
                    + (path.contains(".") ? "" : " (only preferences and custom hold named fields)"));
        }
        if (path.equals("languages") && !value.isArray()) {
            problems.add(field + " must be a list of languages, e.g. [\"English\", \"German\"]");
        }
    }

    private static boolean isZone(String text) {
        try {
            ZoneId.of(text);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }

    static String write(JsonNode value) {
        return value.toString();
    }

    static JsonNode read(String stored) {
        try {
            return stored == null ? null : JSON.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored profile value is not JSON: " + stored, e);
        }
    }

    static Object plain(String stored) {
        JsonNode value = read(stored);
        return value == null ? null : JSON.convertValue(value, Object.class);
    }
}
