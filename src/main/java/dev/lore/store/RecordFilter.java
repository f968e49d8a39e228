package dev.lore.store;

import java.util.List;
import java.util.Map;

/**
 * Which stored records an export or a tally takes. Records are shared within a namespace (learnings, entities,
 * decisions) or personal to a user (profile, memories, sessions). Naming namespaces keeps to the shared records of
 * those; naming users keeps to the personal records of those; naming both keeps to both; naming neither takes
 * everything.
 *
 * @param namespaces the namespaces whose shared records are taken; empty for every namespace
 * @param users the users whose personal records are taken; empty for every user
 */
public record RecordFilter(List<String> namespaces, List<String> users) {

    public static final RecordFilter EVERYTHING = new RecordFilter(List.of(), List.of());

    /** The condition of a query on shared records that keeps to the filter's namespaces. */
    public static final String IN_NAMESPACES = "(:anyNamespace = true or namespace in :namespaces)";

    /** The condition of a query on personal records that keeps to the filter's users. */
    public static final String OF_USERS = "(:anyUser = true or userId in :users)";

    public RecordFilter {
        namespaces = List.copyOf(namespaces);
        users = List.copyOf(users);
    }

    /** Whether records shared within a namespace are taken. */
    public boolean takesShared() {
        return users.isEmpty() || !namespaces.isEmpty();
    }

    /** Whether records personal to a user are taken. */
    public boolean takesPersonal() {
        return namespaces.isEmpty() || !users.isEmpty();
    }

    /** The parameters of {@link #IN_NAMESPACES}. */
    public Map<String, Object> namespaceParameters() {
        return parameters("anyNamespace", "namespaces", namespaces);
    }

    /** The parameters of {@link #OF_USERS}. */
    public Map<String, Object> userParameters() {
        return parameters("anyUser", "users", users);
    }

    /** An empty list never goes into {@code in}: some databases refuse it. */
    private static Map<String, Object> parameters(String any, String name, List<String> values) {
        return Map.of(any, values.isEmpty(), name, values.isEmpty() ? List.of("") : values);
    }
}
