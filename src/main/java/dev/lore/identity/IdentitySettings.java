package dev.lore.identity;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who calls are made for when they name no one, and whether they may name someone else. */
@ConfigMapping(prefix = "lore.identity")
public interface IdentitySettings {

    /**
     * The user records are written for on stdio and in local mode when a call names none (default: the OS user); set
     * as {@code lore.user} ({@code LORE_USER}).
     */
    Optional<String> user();

    /**
     * Whether a call may name another user than the configured one: naming a user is how a local agent works for
     * several people.
     */
    @WithDefault("true")
    boolean nameOtherUsers();

    /** How many calls a minute a user who came with a token may make, per Lore instance; 0 for no limit. */
    @WithDefault("1200")
    int callsPerMinute();
}
