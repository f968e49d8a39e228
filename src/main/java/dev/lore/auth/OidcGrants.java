package dev.lore.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import dev.lore.identity.Grant;
import dev.lore.identity.Namespaces;
import dev.lore.identity.Role;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * What an identity provider's access token lets its holder do in Lore: act as the token's user (its
 * {@code preferred_username}, else its subject), in the namespaces its {@code lore.oidc.namespaces-claim} claim lists
 * (an array, or names separated by spaces or commas; {@code default} when it has none), as a reviewer or an admin when
 * its roles include {@code lore-reviewer} or {@code lore-admin} (the roles Quarkus OIDC reads, from {@code groups} by
 * default: {@code quarkus.oidc.roles.role-claim-path} names another claim).
 */
@ApplicationScoped
public class OidcGrants implements SecurityIdentityAugmentor {

    static final String REVIEWER_ROLE = "lore-reviewer";
    static final String ADMIN_ROLE = "lore-admin";

    private final String namespacesClaim;

    OidcGrants(@ConfigProperty(name = "lore.oidc.namespaces-claim", defaultValue = "lore_namespaces")
            String namespacesClaim) {
        this.namespacesClaim = namespacesClaim;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || identity.getAttribute(Grant.ATTRIBUTE) != null
                || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Role role = identity.hasRole(ADMIN_ROLE) ? Role.ADMIN
                : identity.hasRole(REVIEWER_ROLE) ? Role.REVIEWER : Role.MEMBER;
        Grant grant = new Grant(identity.getPrincipal().getName(), namespaces(token.getClaim(namespacesClaim)), role);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addAttribute(Grant.ATTRIBUTE, grant)
                .build());
    }

    static List<String> namespaces(Object claim) {
        List<String> names = new ArrayList<>();
        if (claim instanceof Collection<?> values) {
            values.forEach(value -> names.add(value instanceof JsonString text ? text.getString() : value.toString()));
        } else if (claim instanceof JsonString text) {
            names.addAll(List.of(text.getString().split("[\\s,]+")));
        } else if (claim instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        }
        Set<String> normalized = new LinkedHashSet<>();
        names.stream().filter(name -> !name.isBlank()).map(Namespaces::normalize).forEach(normalized::add);
        return normalized.isEmpty() ? List.of(Namespaces.normalize(null)) : List.copyOf(normalized);
    }
}
