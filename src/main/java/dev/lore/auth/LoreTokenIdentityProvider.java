package dev.lore.auth;

import jakarta.enterprise.context.ApplicationScoped;

import dev.lore.identity.Grant;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Turns a Lore token into the caller's identity: its user as the principal, its role, and its grant. */
@ApplicationScoped
public class LoreTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final AccessTokens tokens;

    LoreTokenIdentityProvider(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        if (!token.startsWith(AccessTokens.PREFIX)) {
            return Uni.createFrom().nullItem(); // another provider's token
        }
        return context.runBlocking(() -> {
            Grant grant = tokens.check(token)
                    .orElseThrow(() -> new AuthenticationFailedException("unknown, revoked or expired Lore token"));
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(grant.userId()))
                    .addRole(grant.role().label())
                    .addCredential(request.getToken())
                    .addAttribute(Grant.ATTRIBUTE, grant)
                    .build();
        });
    }
}
