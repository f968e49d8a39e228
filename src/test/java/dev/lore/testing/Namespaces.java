package dev.lore.testing;

import java.util.UUID;

import dev.lore.identity.Caller;

/** Every test works in a namespace of its own, so tests sharing one store do not see each other's items. */
public final class Namespaces {

    private Namespaces() {
    }

    public static String fresh() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Caller caller(String user, String namespace) {
        return new Caller(user, "test-agent", "session-" + user, namespace);
    }
}
