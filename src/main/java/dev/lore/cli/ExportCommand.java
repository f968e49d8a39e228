package dev.lore.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.lore.store.LearningStore;
import dev.lore.transfer.Transfer;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lore export}: the stores' records as JSON Lines. The options are read twice: by picocli before Quarkus boots
 * (for help and usage errors), then by the command itself once Quarkus has made it.
 */
@Command(name = "export", description = "Write the stores' records as JSON Lines, with their ids, history and who "
        + "saved them, for lore import into this Lore or another (a local store into a team one).")
@Dependent
@RegisterForReflection
public class ExportCommand implements QuarkusApplication, Callable<Integer> {

    @Mixin
    RecordChoice choice;

    @Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "Write to this file (it appears whole "
            + "once the export is done) instead of standard output.")
    Path output;

    @Spec
    CommandSpec spec;

    @Inject
    Transfer transfer;

    @Override
    public Integer call() {
        return Lore.runOnStore(ExportCommand.class, false, Lore.argumentsOf(spec));
    }

    @Override
    public int run(String... args) throws IOException {
        new CommandLine(this).parseArgs(args);
        List<LearningStore<?>> stores;
        try {
            stores = transfer.stores(choice.storeNames());
        } catch (IllegalArgumentException e) {
            System.err.println("lore export: " + e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        Path partial = output == null ? null : output.resolveSibling(output.getFileName() + ".partial");
        long written;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(partial == null
                ? new FileOutputStream(FileDescriptor.out) : Files.newOutputStream(partial), StandardCharsets.UTF_8))) {
            written = transfer.export(stores, choice.filter(), Lore.Version.number(), out, ProgressBar.onTerminal());
        }
        if (partial != null) {
            Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        System.err.printf("Exported %,d records from %s.%n", written,
                String.join(", ", stores.stream().map(LearningStore::name).toList()));
        return CommandLine.ExitCode.OK;
    }
}
