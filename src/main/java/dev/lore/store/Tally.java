package dev.lore.store;

/**
 * How many records of one kind a store holds in one namespace (shared records) or for one user (personal records).
 *
 * @param kind the kind of record, as an export names it: {@code learning}, {@code fact}, {@code change}...
 * @param namespace the namespace of shared records, or {@code null}
 * @param user the user of personal records, or {@code null}
 * @param count how many
 */
public record Tally(String kind, String namespace, String user, long count) {

    public static Tally shared(String kind, String namespace, long count) {
        return new Tally(kind, namespace, null, count);
    }

    public static Tally personal(String kind, String user, long count) {
        return new Tally(kind, null, user, count);
    }
}
