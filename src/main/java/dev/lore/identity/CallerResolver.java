package dev.lore.identity;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.mcp.server.McpConnection;

/**
 * The one place that decides who a tool call comes from. The user is the configured local user unless the call names
 * another one, which {@code lore.identity.name-other-users} allows (the default while Lore has no authentication:
 * naming a user is how a local agent works for several people); the agent is the MCP client that connected; the
 * session is the one the call names, or else the MCP connection. HTTP authentication will plug in here.
 */
@ApplicationScoped
public class CallerResolver {

    private final String localUser;
    private final boolean mayNameOtherUsers;

    CallerResolver(IdentitySettings settings) {
        this.localUser = settings.user().filter(u -> !u.isBlank())
                .orElseGet(() -> Optional.ofNullable(System.getProperty("user.name")).orElse("local"));
        this.mayNameOtherUsers = settings.nameOtherUsers();
    }

    /**
     * @param connection the MCP connection the call came on
     * @param userId the user the call names, or {@code null}
     * @param sessionId the session the call names, or {@code null}
     * @param namespace the namespace the call names, or {@code null} for the default one
     */
    public Caller resolve(McpConnection connection, String userId, String sessionId, String namespace) {
        String user = blankToNull(userId) == null ? localUser : userId.strip();
        if (!user.equals(localUser) && !mayNameOtherUsers) {
            throw new ForbiddenUserException(user);
        }
        return new Caller(
                user,
                agentOf(connection),
                blankToNull(sessionId) == null ? connection.id() : sessionId.strip(),
                Namespaces.normalize(namespace));
    }

    /** The local user working through one of Lore's own commands ({@code lore review}), in the default namespace. */
    public Caller local(String command) {
        return new Caller(localUser, command, command, Caller.DEFAULT_NAMESPACE);
    }

    private static String agentOf(McpConnection connection) {
        if (connection.initialRequest() == null) {
            return "unknown-agent";
        }
        return agentName(connection.initialRequest().implementation().name());
    }

    /** Agents are known by their MCP client's name, in lower case. */
    public static String agentName(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
