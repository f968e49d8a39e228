package dev.lore.profile;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import dev.lore.mcp.Answer;

/** A user's profile as tools and resources show it; fields that are not set are left out. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ProfileView(String userId, String name, String preferredName, String role, String company,
        String location, String timezone, List<Object> languages, Map<String, Object> preferences,
        Map<String, Object> custom, String updatedAt) implements Answer {

    static ProfileView of(String userId, List<ProfileField> fields) {
        Map<String, Object> known = new TreeMap<>();
        Map<String, Object> preferences = new TreeMap<>();
        Map<String, Object> custom = new TreeMap<>();
        Instant latest = null;
        for (ProfileField f : fields) {
            Object value = ProfileFields.plain(f.value);
            if (f.field.startsWith(ProfileFields.PREFERENCES + ".")) {
                preferences.put(f.field.substring(ProfileFields.PREFERENCES.length() + 1), value);
            } else if (f.field.startsWith(ProfileFields.CUSTOM + ".")) {
                custom.put(f.field.substring(ProfileFields.CUSTOM.length() + 1), value);
            } else {
                known.put(f.field, value);
            }
            latest = latest == null || f.updatedAt.isAfter(latest) ? f.updatedAt : latest;
        }
        @SuppressWarnings("unchecked")
        List<Object> languages = (List<Object>) known.get("languages");
        return new ProfileView(userId, text(known, "name"), text(known, "preferred_name"), text(known, "role"),
                text(known, "company"), text(known, "location"), text(known, "timezone"), languages, preferences,
                custom, latest == null ? null : latest.toString());
    }

    boolean isEmpty() {
        return updatedAt == null;
    }

    /** The profile as a compact text block. */
    @Override
    public String toText() {
        if (isEmpty()) {
            return "No profile yet for " + userId + ".";
        }
        StringBuilder text = new StringBuilder("Profile of ").append(userId).append(":");
        line(text, "name", name);
        line(text, "preferred name", preferredName);
        line(text, "role", role);
        line(text, "company", company);
        line(text, "location", location);
        line(text, "timezone", timezone);
        if (languages != null) {
            line(text, "languages", languages.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        }
        preferences.forEach((key, value) -> line(text, "preference " + key, String.valueOf(value)));
        custom.forEach((key, value) -> line(text, key, String.valueOf(value)));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        if (value != null) {
            text.append("\n- ").append(label).append(": ").append(value);
        }
    }

    private static String text(Map<String, Object> known, String field) {
        Object value = known.get(field);
        return value == null ? null : value.toString();
    }
}
