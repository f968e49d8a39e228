package dev.lore.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;

import dev.lore.mcp.StdioGuard;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.quarkus.runtime.annotations.RegisterForReflection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Lore's entry point. The transport is chosen here, before Quarkus boots, because the HTTP listener and the stdio
 * transport are both configured at startup.
 */
@QuarkusMain
@Command(name = "lore", mixinStandardHelpOptions = true, versionProvider = Lore.Version.class,
        description = "Persistent learning for AI agents, served over the Model Context Protocol.",
        subcommands = { Lore.Stdio.class, Lore.Http.class, Lore.Reembed.class })
@RegisterForReflection
public class Lore implements Callable<Integer> {

    public static void main(String... args) {
        int exitCode = new CommandLine(new Lore()).execute(args);
        System.exit(exitCode);
    }

    /** Without a subcommand Lore serves stdio: this is how MCP clients launch it. */
    @Override
    public Integer call() {
        return new Stdio().call();
    }

    @Command(name = "stdio", description = "Serve MCP over stdin/stdout (what MCP clients launch).")
    @RegisterForReflection
    static class Stdio implements Callable<Integer> {
        @Override
        public Integer call() {
            prepareLocalStore();
            StdioGuard.install();
            return run(null);
        }
    }

    @Command(name = "http", description = "Serve MCP over Streamable HTTP (/mcp) and legacy SSE (/mcp/sse).")
    @RegisterForReflection
    static class Http implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "7700", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--host", defaultValue = "127.0.0.1",
                description = "Interface to bind (default: ${DEFAULT-VALUE}); 0.0.0.0 exposes Lore to the network.")
        String host;

        @Override
        public Integer call() {
            prepareLocalStore();
            System.setProperty("quarkus.mcp.server.stdio.enabled", "false");
            System.setProperty("quarkus.http.host-enabled", "true");
            System.setProperty("quarkus.http.host", host);
            System.setProperty("quarkus.http.port", Integer.toString(port));
            return run(null);
        }
    }

    @Command(name = "reembed",
            description = "Re-embed everything stored under another embedding model (run after changing the model).")
    @RegisterForReflection
    static class Reembed implements Callable<Integer> {
        @Override
        public Integer call() {
            prepareLocalStore();
            System.setProperty("quarkus.mcp.server.stdio.enabled", "false");
            return run(ReembedCommand.class);
        }
    }

    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Lore.class.getPackage().getImplementationVersion();
            return new String[] { "lore " + (version == null ? "(development build)" : version) };
        }
    }

    /**
     * Runs Quarkus until it stops (a server) or until the given command returns. When Lore cannot start (say, the store
     * was migrated by a newer Lore), the reason goes to stderr: MCP clients show it, and stdout is the protocol's.
     */
    private static int run(Class<? extends QuarkusApplication> command) {
        int[] exit = { 0 };
        Quarkus.run(command, (code, failure) -> {
            exit[0] = code;
            if (failure != null) {
                System.err.println("lore: could not start: " + reasons(failure));
            }
        });
        return exit[0];
    }

    /** The messages of a failure and its causes, each once. */
    private static String reasons(Throwable failure) {
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
        String configured = System.getProperty("lore.db.path", System.getenv("LORE_DB_PATH"));
        Path db = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".lore", "lore.db")
                : Path.of(configured);
        System.setProperty("lore.db.path", db.toAbsolutePath().toString());
        if (isEmbeddedFlavor() && db.toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(db.toAbsolutePath().getParent());
            } catch (Exception e) {
                throw new CommandLine.ParameterException(new CommandLine(new Lore()),
                        "Cannot create the folder of the store file " + db + ": " + e.getMessage());
            }
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
