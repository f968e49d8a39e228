package dev.lore.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lore.extraction.ExtractionModel;
import dev.lore.local.LocalServers;
import dev.lore.local.RuntimeFile;
import dev.lore.search.Reembedder;
import dev.lore.storage.StoreLocation;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lore doctor}: whether Lore can work here, one line per thing it needs, each problem with what fixes it. It
 * changes nothing: the store is not migrated (a pending migration is reported), no client file is written.
 */
@Command(name = "doctor", description = "Check what Lore needs: its store and migrations, the embedding model, the "
        + "language model, the MCP clients set up to launch it, and the shared local Lore. Each problem says what "
        + "fixes it; the exit code is 1 when there is one.")
@Dependent
@RegisterForReflection
public class DoctorCommand implements QuarkusApplication, Callable<Integer> {

    static final int PROBLEMS = 1;

    @Spec
    CommandSpec spec;

    @Inject
    StoreLocation location;

    @Inject
    Flyway flyway;

    @Inject
    Reembedder reembedder;

    @Inject
    ExtractionModel extractionModel;

    /** One thing Lore needs, and how it stands. */
    record Finding(Standing standing, String subject, String text) {

        @Override
        public String toString() {
            return standing.mark + " " + subject + ": " + text;
        }
    }

    enum Standing {
        OK("✓"), NOTE("·"), PROBLEM("✗");

        final String mark;

        Standing(String mark) {
            this.mark = mark;
        }
    }

    @Override
    public Integer call() {
        System.setProperty("quarkus.flyway.migrate-at-start", "false");
        return Lore.runOnStore(DoctorCommand.class, false, Lore.argumentsOf(spec));
    }

    @Override
    public int run(String... args) {
        List<Finding> findings = new ArrayList<>();
        boolean storeReady = store(findings);
        model(findings, storeReady);
        findings.add(languageModel());
        Arrays.stream(McpClient.values()).map(DoctorCommand::client).forEach(findings::add);
        findings.add(sharedServers());
        findings.forEach(System.out::println);
        long problems = findings.stream().filter(finding -> finding.standing() == Standing.PROBLEM).count();
        System.out.println(problems == 0 ? "\nNo problems found." : "\n" + problems + " problem"
                + (problems == 1 ? "" : "s") + " found.");
        return problems == 0 ? CommandLine.ExitCode.OK : PROBLEMS;
    }

    /** The store and its migrations; answers whether it holds Lore's tables as this Lore needs them. */
    private boolean store(List<Finding> findings) {
        MigrationInfoService info;
        try {
            info = flyway.info();
        } catch (RuntimeException e) {
            findings.add(new Finding(Standing.PROBLEM, "store", location.describe() + " cannot be read: "
                    + Lore.reasons(e) + ". Check lore.db.path (LORE_DB_PATH) or QUARKUS_DATASOURCE_JDBC_URL, "
                    + "_USERNAME and _PASSWORD."));
            return false;
        }
        String size = location.sizeInBytes().isPresent() ? ", " + location.sizeInBytes().getAsLong() / 1024 + " kB"
                : "";
        findings.add(new Finding(Standing.OK, "store", location.describe() + size));
        List<MigrationInfo> all = Arrays.asList(info.all());
        List<MigrationInfo> newer = all.stream().filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
                || m.getState() == MigrationState.FUTURE_FAILED).toList();
        List<MigrationInfo> failed = all.stream().filter(m -> m.getState().isFailed()).toList();
        String current = info.current() == null ? "none" : info.current().getVersion().getVersion();
        if (!newer.isEmpty()) {
            findings.add(new Finding(Standing.PROBLEM, "migrations", "the store was migrated by a newer Lore (to "
                    + current + "; this Lore knows up to " + latestKnown(all) + "): run that Lore, or upgrade"));
            return false;
        }
        if (!failed.isEmpty()) {
            findings.add(new Finding(Standing.PROBLEM, "migrations", "migration " + failed.get(0).getVersion()
                    + " failed in this store: restore it from a backup, or ask for help with the store's log"));
            return false;
        }
        int pending = info.pending().length;
        findings.add(pending == 0
                ? new Finding(Standing.OK, "migrations", "up to date (" + current + ")")
                : new Finding(Standing.NOTE, "migrations", pending + " to apply (the store is at " + current
                        + "): Lore applies them when it next starts"));
        return pending == 0;
    }

    private void model(List<Finding> findings, boolean storeReady) {
        long started = System.nanoTime();
        try {
            int dimension = reembedder.tryModel();
            findings.add(new Finding(Standing.OK, "embedding model", String.format(Locale.ROOT,
                    "%s embeds (%d dimensions, %.1f s to load and embed)", reembedder.modelId(), dimension,
                    (System.nanoTime() - started) / 1e9)));
        } catch (RuntimeException e) {
            findings.add(new Finding(Standing.PROBLEM, "embedding model", reembedder.modelId() + " does not embed: "
                    + Lore.reasons(e) + ". Check lore.embeddings.provider and, for Ollama, that it runs and has the "
                    + "model pulled"));
            return;
        }
        if (storeReady) {
            long stale = reembedder.staleEntries();
            if (stale > 0) {
                findings.add(new Finding(Standing.PROBLEM, "vectors", stale + " stored entries have no vectors of "
                        + reembedder.modelId() + " (saved under another model): run lore reembed"));
            }
        }
    }

    /** The model that learns from conversations, when one is configured: whether its endpoint serves it. */
    private Finding languageModel() {
        String subject = "language model";
        if (!extractionModel.configured()) {
            return new Finding(Standing.NOTE, subject, "none configured: conversations are kept as conversation "
                    + "memory; set LORE_EXTRACTION_OLLAMA_MODEL, or LORE_EXTRACTION_OPENAI_BASE_URL and _MODEL, to "
                    + "learn from them into the profile and memories");
        }
        String name = extractionModel.name().orElseThrow();
        try {
            return extractionModel.missingModel()
                    .map(missing -> new Finding(Standing.PROBLEM, subject, missing))
                    .orElseGet(() -> new Finding(Standing.OK, subject, name + " is served at "
                            + extractionModel.endpoint()));
        } catch (RuntimeException e) {
            return new Finding(Standing.PROBLEM, subject, name + " at " + extractionModel.endpoint()
                    + " cannot be reached: " + Lore.reasons(e) + ". Start it, or fix the base URL "
                    + "(LORE_EXTRACTION_OLLAMA_BASE_URL or LORE_EXTRACTION_OPENAI_BASE_URL)");
        }
    }

    /** Whether a client is set up to launch Lore, and whether what it launches is there. */
    static Finding client(McpClient client) {
        Path file = client.file(Path.of(System.getProperty("user.home")),
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT), Path.of("").toAbsolutePath());
        String setUp = "lore config " + client.id + " --write";
        if (!Files.exists(file)) {
            return new Finding(Standing.NOTE, client.title, "not set up (no " + file + "): " + setUp);
        }
        JsonNode servers;
        try {
            servers = client.servers(file);
        } catch (IOException e) {
            return new Finding(Standing.PROBLEM, client.title, file + " cannot be read (" + e.getMessage()
                    + "); the client cannot read it either: fix it, or move it away and run " + setUp);
        }
        Optional<Map.Entry<String, JsonNode>> entry = StreamSupport.stream(
                ((Iterable<Map.Entry<String, JsonNode>>) servers::fields).spliterator(), false)
                .filter(server -> server.getKey().equals("lore") || launchesLore(server.getValue())).findFirst();
        if (entry.isEmpty()) {
            return new Finding(Standing.NOTE, client.title, "not set up in " + file + ": " + setUp);
        }
        List<String> command = commandOf(entry.get().getValue());
        Optional<String> missing = command.isEmpty() ? Optional.of("no command")
                : missingPart(command);
        if (missing.isPresent()) {
            return new Finding(Standing.PROBLEM, client.title, "entry \"" + entry.get().getKey() + "\" in " + file
                    + " runs " + missing.get() + ", which is not there: " + setUp + " points it at this Lore");
        }
        String other = command.equals(ConfigCommand.launch()) ? "" : " (another Lore than this one: " + setUp
                + " points it here)";
        return new Finding(Standing.OK, client.title, "entry \"" + entry.get().getKey() + "\" in " + file + " runs "
                + String.join(" ", command) + other);
    }

    private static boolean launchesLore(JsonNode server) {
        return commandOf(server).stream().anyMatch(part -> Path.of(part).getFileName() != null
                && (Path.of(part).getFileName().toString().equals("lore")
                        || part.contains("lore") && part.endsWith(".jar")));
    }

    private static List<String> commandOf(JsonNode server) {
        List<String> command = new ArrayList<>();
        if (server.path("command").isTextual()) {
            command.add(server.get("command").asText());
            server.path("args").forEach(arg -> command.add(arg.asText()));
        }
        return command;
    }

    /** The program, or the jar it runs, when it is not there. */
    private static Optional<String> missingPart(List<String> command) {
        String program = command.get(0);
        if (!onDiskOrPath(program)) {
            return Optional.of(program);
        }
        int jar = command.indexOf("-jar");
        if (jar >= 0 && jar + 1 < command.size() && !Files.isRegularFile(Path.of(command.get(jar + 1)))) {
            return Optional.of(command.get(jar + 1));
        }
        return Optional.empty();
    }

    private static boolean onDiskOrPath(String program) {
        Path path = Path.of(program);
        if (path.isAbsolute() || program.contains("/")) {
            return Files.isExecutable(path);
        }
        String searchPath = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(searchPath.split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, program)));
    }

    private static Finding sharedServers() {
        List<RuntimeFile> onFile = LocalServers.onFile();
        List<RuntimeFile> running = onFile.stream().filter(RuntimeFile::processAlive).toList();
        if (running.isEmpty()) {
            return new Finding(Standing.NOTE, "shared local Lore", "none runs now (the first stdio client starts one"
                    + (onFile.isEmpty() ? "" : "; " + onFile.size() + " stale runtime file(s) in "
                            + LocalServers.runDir() + " are replaced then") + ")");
        }
        return new Finding(Standing.OK, "shared local Lore", running.size() + " running: " + String.join(", ",
                running.stream().map(server -> "lore " + server.version() + " (pid " + server.pid() + ", port "
                        + server.port() + ")").toList()) + "; logs in " + LocalServers.runDir());
    }

    private static String latestKnown(List<MigrationInfo> all) {
        return all.stream().filter(m -> m.getState() != MigrationState.FUTURE_SUCCESS
                && m.getState() != MigrationState.FUTURE_FAILED && m.getVersion() != null)
                .map(m -> m.getVersion().getVersion()).reduce((first, second) -> second).orElse("none");
    }
}
