package dev.lore.mcp;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Who may call Lore's HTTP endpoint, as browsers and proxies name it. */
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
}
