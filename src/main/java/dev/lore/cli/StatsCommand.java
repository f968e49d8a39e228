package dev.lore.cli;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lore.storage.StoreLocation;
import dev.lore.store.LearningStore;
import dev.lore.store.Tally;
import dev.lore.transfer.Transfer;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lore stats}: what the store holds, store by store, by namespace and by user, and how much room it takes. */
@Command(name = "stats", description = "Count the records of each store by namespace (shared records) and by user "
        + "(personal records), and tell where the store is and how much room it takes.")
@Dependent
@RegisterForReflection
public class StatsCommand implements QuarkusApplication, Callable<Integer> {

    @Mixin
    RecordChoice choice;

    @Option(names = "--json", description = "Write the counts as one JSON object, for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Inject
    Transfer transfer;

    @Inject
    StoreLocation location;

    @Inject
    ObjectMapper mapper;

    @Override
    public Integer call() {
        return Lore.runOnStore(StatsCommand.class, false, Lore.argumentsOf(spec));
    }

    @Override
    public int run(String... args) throws Exception {
        new CommandLine(this).parseArgs(args);
        List<LearningStore<?>> stores;
        try {
            stores = transfer.stores(choice.storeNames());
        } catch (IllegalArgumentException e) {
            System.err.println("lore stats: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        Map<String, List<Tally>> tallies = transfer.tally(stores, choice.filter());
        OptionalLong measured = location.sizeInBytes();
        Long size = measured.isPresent() ? measured.getAsLong() : null;
        System.out.println(json ? asJson(tallies, size) : asTable(tallies, size));
        return CommandLine.ExitCode.OK;
    }

    private String asTable(Map<String, List<Tally>> tallies, Long size) {
        StringBuilder table = new StringBuilder(location.describe())
                .append(size == null ? "" : String.format(" (%s)", readable(size))).append("\n\n")
                .append(String.format("%-10s %-9s %-28s %10s%n", "STORE", "KIND", "NAMESPACE / USER", "RECORDS"));
        tallies.forEach((store, counts) -> {
            if (counts.isEmpty()) {
                table.append(String.format("%-10s %-9s %-28s %10s%n", store, "", "", "0"));
            }
            counts.forEach(tally -> table.append(String.format("%-10s %-9s %-28s %,10d%n", store, tally.kind(),
                    tally.namespace() != null ? "namespace " + tally.namespace() : "user " + tally.user(),
                    tally.count())));
        });
        long total = tallies.values().stream().flatMap(List::stream).mapToLong(Tally::count).sum();
        return table.append(String.format("%-10s %-9s %-28s %,10d", "total", "", "", total)).toString();
    }

    private String asJson(Map<String, List<Tally>> tallies, Long size) throws Exception {
        ObjectNode root = mapper.createObjectNode().put("store", location.describe());
        if (size != null) {
            root.put("size_bytes", size);
        }
        ObjectNode stores = root.putObject("stores");
        tallies.forEach((store, counts) -> {
            ArrayNode rows = stores.putArray(store);
            counts.forEach(tally -> {
                ObjectNode row = rows.addObject().put("kind", tally.kind());
                if (tally.namespace() != null) {
                    row.put("namespace", tally.namespace());
                } else {
                    row.put("user", tally.user());
                }
                row.put("count", tally.count());
            });
        });
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static String readable(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format("%.1f kB", bytes / 1024.0);
        }
        return bytes < 1024L * 1024 * 1024 ? String.format("%.1f MB", bytes / (1024.0 * 1024))
                : String.format("%.2f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
