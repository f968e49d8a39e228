package dev.lore.mcp;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who may call Lore's HTTP endpoint, as browsers and proxies name it, and whether they need a token. */
@ConfigMapping(prefix = "lore.http")
public interface HttpSettings {

    /**
     * Browser origins allowed to call the endpoint (and answered with CORS headers), such as
     * {@code https://console.example.com}; pages on localhost are always allowed.
     */
    List<String> allowedOrigins();

    /**
     * Host names the endpoint answers to besides localhost, IP addresses and the interface Lore binds: the names a
     * deployment is reached by (behind a proxy, its public name).
     */
    Optional<List<String>> allowedHosts();

    /**
     * Whether every request to {@code /mcp} needs a token: set by {@code lore http} unless {@code --insecure-local}
     * (the shared local server and stdio have their own guards).
     */
    @WithDefault("false")
    boolean tokensRequired();
}
