package dev.lore.auth;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.lore.identity.Grant;
import dev.lore.identity.Role;
import dev.lore.storage.RecordId;
import dev.lore.storage.StringListConverter;

/** A token Lore issued: who holds it, where and as what it lets them in, and until when. The token is never kept. */
@Entity
@Table(name = "access_token")
public class AccessToken {

    @Id
    @RecordId
    public String id;

    /** The token's SHA-256, in hex: what a presented token is looked up by. */
    @Column(nullable = false, unique = true)
    public String hash;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Convert(converter = StringListConverter.class)
    @Column(nullable = false)
    public List<String> namespaces;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean validAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    Grant grant() {
        return new Grant(userId, List.copyOf(namespaces), role);
    }
}
