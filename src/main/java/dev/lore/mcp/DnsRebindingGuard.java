package dev.lore.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses HTTP requests that a page in the user's browser could send through DNS rebinding: a page of
 * {@code evil.example.com} whose name the attacker re-points at 127.0.0.1 talks to Lore as its own origin, so CORS
 * never stops it, but its requests carry {@code Host: evil.example.com} and that origin. Every request must name a
 * host Lore answers to (localhost, an IP address, the interface it binds, or {@code lore.http.allowed-hosts}), and a
 * request from a page must come from an allowed origin (a page on localhost, {@code lore.http.allowed-origins}, or a
 * page of an allowed host). A name an attacker can re-point is never an IP address, so those are always answered.
 * Runs before every other route, the MCP endpoints and CORS included.
 */
@ApplicationScoped
public class DnsRebindingGuard {

    private static final Logger LOG = Logger.getLogger(DnsRebindingGuard.class);
    /** Ahead of Quarkus's own filters (CORS runs at 300, authentication at 200). */
    private static final int PRIORITY = 1000;
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Set<String> ANY_INTERFACE = Set.of("0.0.0.0", "::", "[::]");
    private static final Pattern IP_ADDRESS = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}|\\[[0-9a-f:.]+]");

    private final Set<String> hosts = new HashSet<>();
    private final Set<String> origins = new HashSet<>();

    DnsRebindingGuard(HttpSettings settings, @ConfigProperty(name = "quarkus.http.host") String boundHost) {
        hosts.addAll(LOOPBACK_NAMES);
        String bound = boundHost.strip().toLowerCase(Locale.ROOT);
        if (!ANY_INTERFACE.contains(bound)) {
            hosts.add(bracketed(bound));
        }
        settings.allowedHosts()
                .ifPresent(names -> names.forEach(name -> hosts.add(name.strip().toLowerCase(Locale.ROOT))));
        settings.allowedOrigins().forEach(origin -> origins.add(normalizedOrigin(origin)));
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext request) {
        HostAndPort authority = request.request().authority(); // the Host header, or HTTP/2's :authority
        String host = authority == null ? null : authority.host();
        if (!answersTo(host)) {
            refuse(request, "its Host header names " + (host == null ? "no host" : "'" + host + "'")
                    + ", which this server does not answer to; to serve a name, add it to lore.http.allowed-hosts "
                    + "(LORE_HTTP_ALLOWED_HOSTS)");
            return;
        }
        String origin = request.request().getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !allowsOrigin(origin)) {
            refuse(request, "it comes from a page of '" + origin + "', which may not call this server; to allow "
                    + "it, add it to lore.http.allowed-origins (LORE_HTTP_ALLOWED_ORIGINS)");
            return;
        }
        request.next();
    }

    boolean answersTo(String requestedHost) {
        if (requestedHost == null || requestedHost.isBlank()) {
            return false;
        }
        String host = bracketed(requestedHost.strip().toLowerCase(Locale.ROOT));
        return hosts.contains(host) || IP_ADDRESS.matcher(host).matches();
    }

    boolean allowsOrigin(String origin) {
        if (origins.contains(normalizedOrigin(origin))) {
            return true;
        }
        try {
            URI uri = new URI(origin.strip());
            String host = uri.getHost() == null ? null : bracketed(uri.getHost().toLowerCase(Locale.ROOT));
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            return web && host != null && hosts.contains(host);
        } catch (URISyntaxException e) {
            return false; // "null" (a sandboxed frame) or not an origin at all
        }
    }

    /** Whether a host name or address is this machine's loopback interface (localhost, 127.0.0.0/8, ::1). */
    public static boolean isLoopback(String host) {
        String name = bracketed(host.strip().toLowerCase(Locale.ROOT));
        return LOOPBACK_NAMES.contains(name) || name.startsWith("127.");
    }

    /** An IPv6 address as a URL writes it, in brackets. */
    private static String bracketed(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String normalizedOrigin(String origin) {
        String normalized = origin.strip().toLowerCase(Locale.ROOT);
        return normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    private static void refuse(RoutingContext request, String reason) {
        LOG.debugf("Refused %s %s: %s", request.request().method(), request.request().path(), reason);
        request.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                .end("Lore refused this request: " + reason + ".\n");
    }
}
