package dev.lore.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.properties.IfBuildProperty;

/** The embedded store: one SQLite file, and its write-ahead log beside it. */
@Singleton
@IfBuildProperty(name = "lore.flavor", stringValue = "local")
class SqliteStoreLocation implements StoreLocation {

    private final Path file;

    SqliteStoreLocation(@ConfigProperty(name = "lore.db.path") String file) {
        this.file = Path.of(file);
    }

    @Override
    public String describe() {
        return "SQLite file " + file;
    }

    @Override
    public OptionalLong sizeInBytes() {
        try {
            Path log = file.resolveSibling(file.getFileName() + "-wal");
            return OptionalLong.of(Files.size(file) + (Files.exists(log) ? Files.size(log) : 0));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }
}
