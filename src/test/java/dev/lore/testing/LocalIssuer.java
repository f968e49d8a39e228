package dev.lore.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider as far as a resource server sees one: OpenID discovery and a JWKS, served on a local port, and
 * access tokens signed with its key. Tests use it where a team would have Keycloak, Entra ID or Okta.
 */
public final class LocalIssuer implements AutoCloseable {

    private final HttpServer server;
    private final RsaJsonWebKey key;

    private LocalIssuer(HttpServer server, RsaJsonWebKey key) {
        this.server = server;
        this.key = key;
    }

    public static LocalIssuer start() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("lore-test-key");
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalIssuer issuer = new LocalIssuer(server, key);
            server.createContext("/.well-known/openid-configuration", exchange -> answer(exchange, Json.object(
                    "issuer", issuer.url(), "jwks_uri", issuer.url() + "/jwks",
                    "authorization_endpoint", issuer.url() + "/authorize", "token_endpoint", issuer.url() + "/token",
                    "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                    "id_token_signing_alg_values_supported", List.of("RS256"))));
            server.createContext("/jwks", exchange -> answer(exchange,
                    new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
            server.start();
            return issuer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An access token of this issuer for the audience, valid for five minutes from now, with more claims. */
    public String token(String audience, Map<String, Object> claims) {
        return token(audience, Instant.now().plusSeconds(300), claims, key);
    }

    /** An access token that expired a minute ago. */
    public String expiredToken(String audience, Map<String, Object> claims) {
        return token(audience, Instant.now().minusSeconds(60), claims, key);
    }

    /** A token that says it is this issuer's but is signed with another key. */
    public String forgedToken(String audience, Map<String, Object> claims) {
        try {
            RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
            other.setKeyId(key.getKeyId());
            return token(audience, Instant.now().plusSeconds(300), claims, other);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String token(String audience, Instant expires, Map<String, Object> more, RsaJsonWebKey signer) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(url());
        claims.setAudience(audience);
        claims.setIssuedAtToNow();
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setGeneratedJwtId();
        more.forEach(claims::setClaim);
        JsonWebSignature signature = new JsonWebSignature();
        signature.setPayload(claims.toJson());
        signature.setKey(signer.getPrivateKey());
        signature.setKeyIdHeaderValue(signer.getKeyId());
        signature.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return signature.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
