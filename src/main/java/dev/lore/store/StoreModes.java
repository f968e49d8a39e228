package dev.lore.store;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * How each learning store learns ({@code lore.stores.<store>.mode}, a list): {@code always}, a model fills it from
 * every conversation (and conversation memory keeps every turn); {@code agentic}, agents read and write it through its
 * tools; {@code propose}, what a model finds for it waits in the review inbox for a person to accept, and so do
 * agents' saves through its tools unless {@code agentic} is listed too; {@code off}, it takes no part (no tools, no
 * recall, no extraction; what it holds stays, and is exported).
 */
@ConfigMapping(prefix = "lore.stores")
public interface StoreModes {

    enum Mode {
        ALWAYS, AGENTIC, PROPOSE, OFF
    }

    @WithParentName
    Map<String, Store> stores();

    interface Store {
        List<Mode> mode();
    }
}
