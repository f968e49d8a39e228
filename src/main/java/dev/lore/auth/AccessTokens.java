package dev.lore.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

import dev.lore.identity.Grant;
import dev.lore.identity.Namespaces;
import dev.lore.identity.Role;

/**
 * Issues, checks and revokes the tokens that let people and agents call Lore over HTTP ({@code lore token}). A token
 * is {@code lore_} and 256 random bits; only its SHA-256 is stored, so it is shown once, when it is made. Every request
 * looks its token up, so a revoked token is refused at once, by every Lore on the same database.
 */
@ApplicationScoped
public class AccessTokens implements PanacheRepositoryBase<AccessToken, String> {

    /** What tells a Lore token from another bearer token (an identity provider's JWT). */
    public static final String PREFIX = "lore_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token just made: the only time its secret is known. */
    public record Issued(String token, AccessToken record) {
    }

    /**
     * @param namespaces where the token lets its holder read and write; the first is where calls that name none work
     * @param lifetime how long the token is valid; {@code null} for no end
     */
    @Transactional
    public Issued create(String userId, List<String> namespaces, Role role, Duration lifetime) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("--user must name the user the token acts as");
        }
        List<String> normalized = List.copyOf(new LinkedHashSet<>(namespaces.stream().map(Namespaces::normalize)
                .toList()));
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("--namespaces must name at least one namespace");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        AccessToken record = new AccessToken();
        record.hash = hash(token);
        record.userId = userId.strip();
        record.namespaces = normalized;
        record.role = role;
        record.createdAt = Instant.now();
        record.expiresAt = lifetime == null ? null : record.createdAt.plus(lifetime);
        persist(record);
        return new Issued(token, record);
    }

    /**
     * The grant of a token that is known, not revoked and not expired. A read without a transaction: on the local
     * flavor a transaction takes the store's write lock, which every authenticated request would then wait for.
     */
    @ActivateRequestContext
    public Optional<Grant> check(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return find("hash", hash(token)).firstResultOptional().filter(found -> found.validAt(now))
                .map(AccessToken::grant);
    }

    /** Every token issued, revoked and expired ones too, oldest first. */
    @ActivateRequestContext
    public List<AccessToken> all() {
        return listAll(Sort.ascending("createdAt", "id"));
    }

    /** Revokes a token by its id; {@code false} when there is no such token. Revoking twice keeps the first time. */
    @Transactional
    public boolean revoke(String id) {
        AccessToken token = findById(id);
        if (token == null) {
            return false;
        }
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now();
        }
        return true;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
