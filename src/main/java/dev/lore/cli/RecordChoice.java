package dev.lore.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.lore.store.RecordFilter;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine.Option;

/** Which records {@code lore export} and {@code lore stats} take: the options they share. */
@RegisterForReflection
class RecordChoice {

    @Option(names = "--store", split = ",", paramLabel = "STORE", description = "Only these stores: profile, "
            + "session, memory, entities, decisions, knowledge (repeat the option or separate them with commas).")
    List<String> stores = new ArrayList<>();

    @Option(names = "--namespace", split = ",", paramLabel = "NAMESPACE", description = "Only the shared records "
            + "(learnings, entities, decisions) of these namespaces; personal records are left out unless --user "
            + "names whose.")
    List<String> namespaces = new ArrayList<>();

    @Option(names = "--user", split = ",", paramLabel = "USER", description = "Only the personal records (profile, "
            + "memories, sessions) of these users; shared records are left out unless --namespace names which.")
    List<String> users = new ArrayList<>();

    Set<String> storeNames() {
        return new LinkedHashSet<>(stores);
    }

    RecordFilter filter() {
        return new RecordFilter(namespaces, users);
    }
}
