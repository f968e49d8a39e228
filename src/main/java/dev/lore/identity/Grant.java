package dev.lore.identity;

import java.util.List;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * What an authenticated caller may do: act as one user, in the listed namespaces (the first is where a call that names
 * none works), with a role.
 */
public record Grant(String userId, List<String> namespaces, Role role) {

    /** The attribute of a {@link SecurityIdentity} that carries the grant. */
    public static final String ATTRIBUTE = "lore.grant";

    public String homeNamespace() {
        return namespaces.get(0);
    }

    public boolean covers(String namespace) {
        return role.includes(Role.ADMIN) || namespaces.contains(namespace);
    }

    /** The grant the caller of this request holds; {@code null} for a caller nobody authenticated. */
    public static Grant of(SecurityIdentity identity) {
        return identity == null || identity.isAnonymous() ? null : identity.getAttribute(ATTRIBUTE);
    }
}
