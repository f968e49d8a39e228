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
    private final CallRateLimits limits;

    CallerResolver(IdentitySettings settings, CurrentIdentityAssociation identities, CallRateLimits limits) {
        this.identities = identities;
        this.limits = limits;
        this.localUser = settings.user().filter(u -> !u.isBlank())
                .orElseGet(() -> Optional.ofNullable(System.getProperty("user.name")).orElse("local"));
        this.mayNameOtherUsers = settings.nameOtherUsers();
    }

    /**
     * @param connection the MCP connection the call came on
     * @param userId the user the call names, or {@code null}
     * @param sessionId the session the call names, or {@code null}
     * @param namespace the namespace the call names, or {@code null} for the default one (a token's first)
     * @throws CallRefusedException when the call may not act for that user or in that namespace, or its user made
     *         all the calls of the minute
     */
    public Caller resolve(McpConnection connection, String userId, String sessionId, String namespace) {
        Grant grant = grant();
        String named = blankToNull(userId) == null ? null : userId.strip();
        String user;
        String where;
        if (grant == null) {
            user = named == null ? localUser : named;
            if (!user.equals(localUser) && !mayNameOtherUsers) {
                throw CallRefusedException.otherUser(user);
            }
            where = Namespaces.normalize(namespace);
        } else {
            limits.take(grant);
            user = named == null ? grant.userId() : named;
            if (!user.equals(grant.userId()) && !grant.role().includes(Role.ADMIN)) {
                throw CallRefusedException.otherUser(user);
            }
            where = blankToNull(namespace) == null ? grant.homeNamespace() : Namespaces.normalize(namespace);
            if (!grant.covers(where)) {
                throw CallRefusedException.namespace(where, grant);
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
     * Whether the current call may read what a namespace holds: any namespace when nobody authenticated it, else one
     * its token covers. For what is found by id, where the namespace is known only once it is read.
     */
    public boolean reaches(String namespace) {
        Grant grant = grant();
        return grant == null || grant.covers(namespace);
    }

    /**
     * The namespaces the current call may reach, for what lists across namespaces; {@code null} for every one.
     *
     * @param needed the role the work needs
     * @param what what needs the role, for the refusal ("list_proposals")
     * @throws CallRefusedException when the call's token lacks the role
     */
    public Set<String> reach(Role needed, String what) {
        Grant grant = grant();
        if (grant == null || grant.role().includes(Role.ADMIN)) {
            return null;
        }
        if (!grant.role().includes(needed)) {
            throw CallRefusedException.role(needed, what, grant);
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
