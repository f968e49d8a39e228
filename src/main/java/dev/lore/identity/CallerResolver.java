package dev.lore.identity;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkiverse.mcp.server.McpConnection;
import io.quarkus.security.identity.CurrentIdentityAssociation;

/**
 * The one place that decides who a tool call comes from and what it may reach. A call that came with a token
 * ({@link Grant}) acts as the token's user, in the token's namespaces (the first when it names none); naming another
 * user or namespace is refused unless the token's role is admin. A call nobody authenticated (stdio, the shared local
 * server, {@code lore http --insecure-local}) acts as the configured local user unless it names another one, which
 * {@code lore.identity.name-other-users} allows (naming a user is how a local agent works for several people). The
 * agent is the MCP client that connected; the session is the one the call names, or else the MCP connection.
 */
@ApplicationScoped
public class CallerResolver {

    private final String localUser;
    private final boolean mayNameOtherUsers;
    private final CurrentIdentityAssociation identities;

    CallerResolver(IdentitySettings settings, CurrentIdentityAssociation identities) {
        this.identities = identities;
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
        Grant grant = grant();
        String named = blankToNull(userId) == null ? null : userId.strip();
        String user;
        String where;
        if (grant == null) {
            user = named == null ? localUser : named;
            if (!user.equals(localUser) && !mayNameOtherUsers) {
                throw ForbiddenCallException.otherUser(user);
            }
            where = Namespaces.normalize(namespace);
        } else {
            user = named == null ? grant.userId() : named;
            if (!user.equals(grant.userId()) && !grant.role().includes(Role.ADMIN)) {
                throw ForbiddenCallException.otherUser(user);
            }
            where = blankToNull(namespace) == null ? grant.homeNamespace() : Namespaces.normalize(namespace);
            if (!grant.covers(where)) {
                throw ForbiddenCallException.namespace(where, grant);
            }
        }
        return new Caller(user, agentOf(connection),
                blankToNull(sessionId) == null ? connection.id() : sessionId.strip(), where);
    }

    /**
     * What the token of the call being served lets its holder do; {@code null} when nobody authenticated the call.
     */
    public Grant grant() {
        return Grant.of(identities.getIdentity());
    }

    /**
     * The namespaces the current call may reach, for what lists across namespaces; {@code null} for every one.
     *
     * @param what what needs the role, for the refusal ("list_proposals")
     * @throws ForbiddenCallException when the call's token lacks the role
     */
    public Set<String> reach(Role needed, String what) {
        Grant grant = grant();
        if (grant == null || grant.role().includes(Role.ADMIN)) {
            return null;
        }
        if (!grant.role().includes(needed)) {
            throw ForbiddenCallException.role(needed, what, grant);
        }
        return Set.copyOf(grant.namespaces());
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
