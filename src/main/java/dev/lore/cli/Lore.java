package dev.lore.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.lore.auth.IdentityProviderSwitch;
import dev.lore.local.LocalServers;
import dev.lore.local.StdioFront;
import dev.lore.mcp.DnsRebindingGuard;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Lore's entry point. The transport is chosen here, before Quarkus boots, because the HTTP listener is configured at
 * startup. What MCP clients launch ({@code lore}, or {@code lore stdio}) boots no Quarkus at all: it is a thin front to
 * the user's shared local Lore ({@link StdioFront}), so it starts in a fraction of a second, and it is decided before
 * picocli, which would cost a part of that.
 */
@QuarkusMain
@Command(name = "lore", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Lore.Version.class,
        description = "Persistent learning for AI agents, served over the Model Context Protocol.",
        subcommands = { Lore.Stdio.class, Lore.Http.class, Lore.Serve.class, Lore.Reembed.class, ConfigCommand.class,
                IngestCommand.class, ExportCommand.class, ImportCommand.class, StatsCommand.class, DoctorCommand.class,
                ReviewCommand.class, TokenCommand.class })
@RegisterForReflection
public class Lore implements Callable<Integer> {

    public static void main(String... args) {
        if (args.length == 0 || args.length == 1 && args[0].equals("stdio")) {
            System.exit(new Stdio().call());
        }
        if (args[0].equals("ingest")) { // what client hooks run after every answer: no time for the other commands
            CommandLine ingest = new CommandLine(new IngestCommand()).setCommandName("lore ingest");
            ingest.getCommandSpec().mixinStandardHelpOptions(true);
            System.exit(ingest.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        int exitCode = new CommandLine(new Lore()).execute(args);
        System.exit(exitCode);
    }

    /** Without a subcommand Lore serves stdio: this is how MCP clients launch it. */
    @Override
    public Integer call() {
        return new Stdio().call();
    }

    @Command(name = "stdio", description = "Serve MCP over stdin/stdout (what MCP clients launch): a thin front to "
            + "this user's shared local Lore, started when none runs and stopped when no client has used it for "
            + "lore.local.idle-timeout (10 minutes).")
    @RegisterForReflection
    static class Stdio implements Callable<Integer> {
        @Override
        public Integer call() {
            return StdioFront.serve(localServers());
        }
    }

    @Command(name = "serve", hidden = true, description = "Run as this user's shared local Lore (started by the "
            + "stdio front, with its token and runtime file in the environment).")
    @RegisterForReflection
    static class Serve implements Callable<Integer> {
        @Override
        public Integer call() {
            prepareLocalStore();
            System.setProperty("quarkus.http.host-enabled", "true");
            System.setProperty("quarkus.http.host", "127.0.0.1");
            System.setProperty("quarkus.http.port", Integer.toString(freePort()));
            return run(null);
        }
    }

    @Command(name = "http", description = {"Serve MCP over Streamable HTTP (/mcp) and legacy SSE (/mcp/sse).",
            "Every request needs a token (lore token create, or the identity provider's named by LORE_OIDC_ISSUER) "
                    + "unless --insecure-local." })
    @RegisterForReflection
    static class Http implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "7700", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1",
                description = "Interface to bind (default: ${DEFAULT-VALUE}); 0.0.0.0 exposes Lore to the network.")
        String host;

        @Option(names = "--insecure-local", description = "Answer requests without a token, as the local user: for "
                + "trying Lore on this machine only (refused with a --host other than a loopback address).")
        boolean insecureLocal;

        @Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            if (insecureLocal && !DnsRebindingGuard.isLoopback(host)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--insecure-local serves this machine "
                        + "only; with --host " + host + " every request needs a token (lore token create)");
            }
            prepareLocalStore();
            System.setProperty("quarkus.http.host-enabled", "true");
            System.setProperty("quarkus.http.host", host);
            System.setProperty("quarkus.http.port", Integer.toString(port));
            if (!insecureLocal) {
                System.setProperty("quarkus.http.auth.permission.mcp.paths", "/mcp,/mcp/*");
                System.setProperty("quarkus.http.auth.permission.mcp.policy", "authenticated");
                System.setProperty(IdentityProviderSwitch.TOKENS_REQUIRED, "true");
            }
            return run(null);
        }
    }

    @Command(name = "reembed",
            description = "Re-embed everything stored under another embedding model (run after changing the model).")
    @RegisterForReflection
    static class Reembed implements Callable<Integer> {
        @Override
        public Integer call() {
            return runOnStore(ReembedCommand.class, true);
        }
    }

    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] { "lore " + number() };
        }

        /** This build's version, as Maven gave it. */
        static String number() {
            Properties build = new Properties();
            try (InputStream in = Lore.class.getResourceAsStream("/lore-version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException e) {
                // reported as a development build below
            }
            return build.getProperty("version", "(development build)");
        }
    }

    /**
     * Runs a command that works on the store and exits ({@code lore export}, {@code lore stats}...): no transport,
     * and the embedding model loads only for a command that embeds. The command reads the arguments that follow its
     * name on the command line.
     */
    static int runOnStore(Class<? extends QuarkusApplication> command, boolean embeds, String... arguments) {
        prepareLocalStore();
        if (System.getenv("QUARKUS_LOG_LEVEL") == null && System.getProperty("quarkus.log.level") == null) {
            System.setProperty("quarkus.log.level", "WARN"); // a command's own output is what its user reads
        }
        if (!embeds) {
            System.setProperty("lore.embeddings.warm-up", "false");
        }
        System.setProperty("quarkus.scheduler.enabled", "false"); // the capture queue is a serving Lore's work
        return run(command, arguments);
    }

    /** The arguments that follow a subcommand's name on the command line, for the command to read again. */
    static String[] argumentsOf(CommandLine.Model.CommandSpec subcommand) {
        List<String> all = subcommand.commandLine().getParseResult().originalArgs();
        return all.subList(all.indexOf(subcommand.name()) + 1, all.size()).toArray(String[]::new);
    }

    /**
     * Runs Quarkus until it stops (a server) or until the given command returns. When Lore cannot start (say, the store
     * was migrated by a newer Lore), the reason goes to stderr: MCP clients show it, and stdout is the protocol's.
     */
    private static int run(Class<? extends QuarkusApplication> command, String... arguments) {
        int[] exit = { 0 };
        Quarkus.run(command, (code, failure) -> {
            exit[0] = code;
            if (failure != null) {
                System.err.println("lore: could not start: " + reasons(failure));
            }
        }, arguments);
        return exit[0];
    }

    /** The messages of a failure and its causes, each once. */
    static String reasons(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.add(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip());
        }
        return String.join(": ", messages);
    }

    /**
     * The embedded store's file lives in a folder that may not exist yet; SQLite creates the file but not its folder,
     * and the first connection is opened while Quarkus boots, before any bean could create it.
     */
    private static void prepareLocalStore() {
        Path db = storePath();
        if (isEmbeddedFlavor() && db.getParent() != null) {
            try {
                Files.createDirectories(db.toAbsolutePath().getParent());
            } catch (Exception e) {
                throw new CommandLine.ParameterException(new CommandLine(new Lore()),
                        "Cannot create the folder of the store file " + db + ": " + e.getMessage());
            }
        }
    }

    /** The embedded store's file, made absolute for every process that reads the setting after this one. */
    private static Path storePath() {
        String configured = System.getProperty("lore.db.path", System.getenv("LORE_DB_PATH"));
        Path db = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".lore", "lore.db")
                : Path.of(configured);
        System.setProperty("lore.db.path", db.toAbsolutePath().toString());
        return db.toAbsolutePath();
    }

    /**
     * This user's shared local Lore for this build and these settings, as the stdio front and {@code lore ingest}
     * reach it: both name the store and the build alike, so they find the same one.
     */
    static LocalServers localServers() {
        storePath();
        return LocalServers.forThisProcess(buildIdentity());
    }

    /**
     * This build of Lore: its version and its jar's size and time, so that a front never talks to a shared server
     * of another build (one still running from before an upgrade).
     */
    private static String buildIdentity() {
        String version = new Version().getVersion()[0];
        try {
            Path jar = Path.of(Lore.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return version + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (Exception e) {
            return version;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface: " + e.getMessage(), e);
        }
    }

    private static boolean isEmbeddedFlavor() {
        try {
            Class.forName("org.sqlite.JDBC", false, Lore.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
