package dev.lore.auth;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a Lore token from a request's {@code Authorization: Bearer} header. A bearer token that is not a Lore token
 * (an identity provider's, or the shared local server's own) is left to whoever reads those: this mechanism goes first,
 * and when an identity provider is configured, its challenge (which names the protected resource's metadata) is the
 * one a refused client gets.
 */
@ApplicationScoped
public class LoreTokenAuthentication implements HttpAuthenticationMechanism {

    private static final String BEARER = "Bearer ";
    private static final ChallengeData CHALLENGE = new ChallengeData(401, "WWW-Authenticate",
            "Bearer realm=\"lore\"");

    private final boolean identityProvider;

    LoreTokenAuthentication(@ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean identityProvider) {
        this.identityProvider = identityProvider;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String header = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Uni.createFrom().nullItem();
        }
        String token = header.substring(BEARER.length()).strip();
        if (!token.startsWith(AccessTokens.PREFIX)) {
            return Uni.createFrom().nullItem();
        }
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(new TokenCredential(token, "bearer")), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return identityProvider ? Uni.createFrom().nullItem() : Uni.createFrom().item(CHALLENGE);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));
    }
}
