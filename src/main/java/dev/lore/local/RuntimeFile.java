package dev.lore.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a shared local Lore listens and how to reach it: written by the server once it has started, read by every
 * front of the same user and settings. Only its user may read it (it holds the token the server asks every request
 * for). A properties file: the front reads it at every start, and the JDK reads that format at no cost.
 *
 * @param pid the server's process id
 * @param port the loopback port it listens on
 * @param token what every request must carry ({@code Authorization: Bearer}): another user's process cannot read it
 * @param version the Lore version of the server
 */
public record RuntimeFile(long pid, int port, String token, String version) {

    /** The runtime file at this path, when there is a whole one. */
    public static Optional<RuntimeFile> read(Path path) {
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            values.load(in);
            return Optional.of(new RuntimeFile(Long.parseLong(values.getProperty("pid")),
                    Integer.parseInt(values.getProperty("port")), values.getProperty("token"),
                    values.getProperty("version")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // none, or not one of Lore's: a new server is started in its place
        }
    }

    /** Writes it whole or not at all (a reader never sees half a file), readable by this user only. */
    public void write(Path path) {
        Properties values = new Properties();
        values.setProperty("pid", Long.toString(pid));
        values.setProperty("port", Integer.toString(port));
        values.setProperty("token", token);
        values.setProperty("version", version);
        try {
            Path partial = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".part");
            LocalServers.keepPrivate(partial, "rw-------");
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                values.store(out, "Lore's shared local server: how its user's clients reach it");
            }
            try {
                Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Whether the process it names still runs. */
    public boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
