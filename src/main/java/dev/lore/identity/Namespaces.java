package dev.lore.identity;

import java.util.Locale;

/** Namespaces are case-insensitive names; they are kept in lower case. */
public final class Namespaces {

    private Namespaces() {
    }

    public static String normalize(String namespace) {
        return namespace == null || namespace.isBlank()
                ? Caller.DEFAULT_NAMESPACE
                : namespace.strip().toLowerCase(Locale.ROOT);
    }
}
