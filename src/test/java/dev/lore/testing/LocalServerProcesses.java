package dev.lore.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.lore.local.RuntimeFile;

/** The shared local servers that a test's stdio clients started, as their runtime files name them. */
public final class LocalServerProcesses {

    private LocalServerProcesses() {
    }

    /** The servers on file in this folder. */
    public static List<RuntimeFile> running(Path runDir) {
        try (Stream<Path> files = Files.list(runDir)) {
            return files.filter(file -> file.toString().endsWith(".properties")).map(RuntimeFile::read)
                    .flatMap(Optional::stream).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every server on file in the folder (as a user's logout would), then removes the folder. */
    public static void stopAll(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        stopServers(runDir);
        try (Stream<Path> files = Files.walk(runDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops every server on file in the folder, leaving the folder as they left it (a reboot, say). */
    public static void stopServers(Path runDir) {
        for (RuntimeFile server : running(runDir)) {
            ProcessHandle.of(server.pid()).ifPresent(process -> {
                process.destroy();
                try {
                    process.onExit().get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            });
        }
    }
}
