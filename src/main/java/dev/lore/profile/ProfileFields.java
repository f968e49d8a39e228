package dev.lore.profile;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
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
 * {@link ValidProfileFields} checks an update with these rules; {@link #read} reads one that passed.
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

    /** What is wrong with an update, field by field. */
    interface Problems {

        /**
         * @param field the field's path, e.g. {@code timezone} or {@code preferences.verbosity}; empty for the update
         *        as a whole
         * @param message a message template of ValidationMessages.properties, e.g. {@code {lore.profile.timezone}}
         * @param parameters the values its placeholders take
         */
        void add(String field, String message, Map<String, Object> parameters);
    }

    /** Reads an update that passed {@link #check} into field paths (e.g. {@code preferences.verbosity}) and values. */
    public static Map<String, JsonNode> read(Map<String, Object> fields) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        walk(fields, (path, value) -> values.put(path, value));
        return values;
    }

    /** Checks every field of an update, telling each problem to {@code problems}. */
    static void check(Map<String, Object> fields, Problems problems) {
        if (fields == null || fields.isEmpty()) {
            problems.add("", "{lore.profile.empty}", Map.of());
            return;
        }
        int[] count = { 0 };
        walk(fields, new Visitor() {
            @Override
            public void value(String path, JsonNode value) {
                count[0]++;
                check(path, value, problems);
            }

            @Override
            public void badName(String path) {
                problems.add(path, "{lore.profile.field-name}", Map.of());
            }
        });
        if (count[0] > MAX_FIELDS) {
            problems.add("", "{lore.profile.too-many}", Map.of("max", MAX_FIELDS, "count", count[0]));
        }
    }

    /** What reading an update finds: a value for a field path, or a name that is not a field name. */
    private interface Visitor {

        void value(String path, JsonNode value);

        default void badName(String path) {
        }
    }

    private static void walk(Map<String, Object> fields, Visitor visitor) {
        fields.forEach((rawName, rawValue) -> {
            String name = normalize(rawName);
            JsonNode value = rawValue == null ? NullNode.getInstance() : JSON.valueToTree(rawValue);
            if (!NAME.matcher(name).matches()) {
                visitor.badName(rawName);
            } else if ((name.equals(PREFERENCES) || name.equals(CUSTOM)) && value.isObject()) {
                value.fields().forEachRemaining(e -> {
                    String inner = normalize(e.getKey());
                    if (NAME.matcher(inner).matches()) {
                        visitor.value(name + "." + inner, e.getValue());
                    } else {
                        visitor.badName(name + "." + e.getKey());
                    }
                });
            } else {
                String path = KNOWN.contains(name) ? name : CUSTOM + "." + name;
                visitor.value(path, name.equals("languages") && value.isTextual()
                        ? JsonNodeFactory.instance.arrayNode().add(value) : value);
            }
        });
    }

    private static void check(String path, JsonNode value, Problems problems) {
        if (value.isNull()) {
            return;
        }
        if (value.isTextual()) {
            String text = value.asText().strip();
            if (text.isEmpty()) {
                problems.add(path, "{lore.profile.text-empty}", Map.of());
            } else if (text.length() > MAX_TEXT) {
                problems.add(path, "{lore.profile.text-long}", Map.of("max", MAX_TEXT, "length", text.length()));
            } else if (path.equals("timezone") && !isZone(text)) {
                problems.add(path, "{lore.profile.timezone}", Map.of("zone", text));
            }
        } else if (value.isArray()) {
            if (value.size() > MAX_ITEMS) {
                problems.add(path, "{lore.profile.items-many}", Map.of("max", MAX_ITEMS, "count", value.size()));
            }
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isNull()) {
                    problems.add(path, "{lore.profile.item-kind}", Map.of());
                    return;
                }
                if (item.asText().length() > MAX_TEXT) {
                    problems.add(path, "{lore.profile.item-long}", Map.of("max", MAX_TEXT));
                    return;
                }
            }
        } else if (!value.isNumber() && !value.isBoolean()) {
            problems.add(path, path.contains(".") ? "{lore.profile.kind}" : "{lore.profile.kind-named}", Map.of());
        }
        if (path.equals("languages") && !value.isArray()) {
            problems.add(path, "{lore.profile.languages}", Map.of());
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
