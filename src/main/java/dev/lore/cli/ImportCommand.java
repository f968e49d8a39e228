package dev.lore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import dev.lore.store.Restored;
import dev.lore.transfer.ImportCheck;
import dev.lore.transfer.ImportReport;
import dev.lore.transfer.ImportStoppedException;
import dev.lore.transfer.Transfer;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lore import}: puts back what {@code lore export} wrote. The file is read through first; if any line is bad,
 * the import is refused with every problem named and nothing is written.
 */
@Command(name = "import", description = "Put back the records of a lore export (from this Lore or another, local or "
        + "team) into this Lore's store. Records it already has are left as they are unless the export's are newer: "
        + "importing the same file twice changes nothing.")
@Dependent
@RegisterForReflection
public class ImportCommand implements QuarkusApplication, Callable<Integer> {

    static final int REFUSED = 1;

    @Parameters(paramLabel = "FILE", description = "The export to import, or - for standard input.")
    String file;

    @Option(names = "--dry-run", description = "Read the export through and report what refuses it, without "
            + "importing anything.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Inject
    Transfer transfer;

    @Override
    public Integer call() {
        return Lore.runOnStore(ImportCommand.class, !dryRun, Lore.argumentsOf(spec));
    }

    @Override
    public int run(String... args) throws IOException {
        new CommandLine(this).parseArgs(args);
        Path export = "-".equals(file) ? spooled(System.in) : Path.of(file);
        if (!Files.isReadable(export)) {
            System.err.println("lore import: cannot read " + export);
            return REFUSED;
        }
        ImportCheck check = transfer.check(export);
        if (!check.ok()) {
            System.err.printf("lore import: %s refused, nothing imported: %,d problem%s%n", file,
                    check.problemCount(), check.problemCount() == 1 ? "" : "s");
            check.problems().forEach(problem -> System.err.println("  " + problem));
            if (check.problemCount() > check.problems().size()) {
                System.err.printf("  ... and %,d more%n", check.problemCount() - check.problems().size());
            }
            return REFUSED;
        }
        if (dryRun) {
            System.out.printf("%s can be imported: %,d records.%n", file, check.records());
            return CommandLine.ExitCode.OK;
        }
        ImportReport report;
        try {
            report = transfer.restore(export, check.records(), ProgressBar.onTerminal());
        } catch (ImportStoppedException e) {
            System.err.println("lore import: " + e.getMessage() + ": " + Lore.reasons(e.getCause())
                    + ". The records before it are imported: import " + file + " again to finish (what is already "
                    + "there is left as it is).");
            return REFUSED;
        }
        System.out.printf("Imported %,d records from %s: %,d added, %,d updated, %,d already there, %,d left out.%n",
                report.records(), file, report.total(Restored.ADDED), report.total(Restored.UPDATED),
                report.total(Restored.UNCHANGED), report.total(Restored.LEFT_OUT));
        for (Map.Entry<String, Map<Restored, Long>> store : report.byStore().entrySet()) {
            Map<Restored, Long> counts = store.getValue();
            System.out.printf("  %-10s %,8d added %,8d updated %,8d already there %,6d left out%n", store.getKey(),
                    counts.getOrDefault(Restored.ADDED, 0L), counts.getOrDefault(Restored.UPDATED, 0L),
                    counts.getOrDefault(Restored.UNCHANGED, 0L), counts.getOrDefault(Restored.LEFT_OUT, 0L));
        }
        return CommandLine.ExitCode.OK;
    }

    /** An export read from standard input, kept in a file for the two readings an import makes. */
    private static Path spooled(InputStream in) throws IOException {
        Path copy = Files.createTempFile("lore-import-", ".jsonl");
        copy.toFile().deleteOnExit();
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }
}
