package dev.lore.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How Lore runs as the shared local server of its user (set by the front that starts it). */
@ConfigMapping(prefix = "lore.local")
public interface LocalServerSettings {

    /** What every request must carry: set, this Lore is a shared local server and answers no one else. */
    Optional<String> token();

    /** Where it tells the fronts how to reach it. */
    Optional<Path> runFile();

    /** How long it waits without a client before it stops (the next client starts it again). */
    @WithDefault("10m")
    Duration idleTimeout();
}
