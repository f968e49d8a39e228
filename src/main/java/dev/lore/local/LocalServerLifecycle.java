package dev.lore.local;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * A shared local server's life: once it serves, it writes where it listens into its runtime file (which the fronts
 * wait for); when no client has used it for {@code lore.local.idle-timeout}, it stops; on its way out it removes the
 * runtime file, unless a newer server has written its own there.
 */
@Singleton
public class LocalServerLifecycle {

    private static final Logger LOG = Logger.getLogger(LocalServerLifecycle.class);

    private final LocalServerSettings settings;
    private final LocalServerGuard guard;
    private final int port;
    private final String version;
    private ScheduledExecutorService watch;

    LocalServerLifecycle(LocalServerSettings settings, LocalServerGuard guard,
            @ConfigProperty(name = "quarkus.http.port") int port,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.settings = settings;
        this.guard = guard;
        this.port = port;
        this.version = version;
    }

    void started(@Observes StartupEvent start) {
        if (settings.token().isEmpty() || settings.runFile().isEmpty()) {
            return;
        }
        ownFile().write(settings.runFile().get());
        long idle = settings.idleTimeout().toNanos();
        long every = Math.max(200, Math.min(30_000, settings.idleTimeout().toMillis() / 4));
        watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "lore-idle-watch");
            thread.setDaemon(true);
            return thread;
        });
        watch.scheduleAtFixedRate(() -> {
            if (guard.idleNanos() >= idle) {
                LOG.infof("No client for %s: stopping", settings.idleTimeout());
                watch.shutdown();
                Quarkus.asyncExit(0);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    void stopping(@Observes ShutdownEvent stop) {
        if (watch != null) {
            watch.shutdownNow();
        }
        settings.runFile().ifPresent(file -> {
            if (RuntimeFile.read(file).filter(ownFile()::equals).isPresent()) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("Could not remove %s: %s", file, e.getMessage());
                }
            }
        });
    }

    private RuntimeFile ownFile() {
        return new RuntimeFile(ProcessHandle.current().pid(), port, settings.token().orElseThrow(), version);
    }
}
