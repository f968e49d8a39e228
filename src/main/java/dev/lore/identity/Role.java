package dev.lore.identity;

import java.util.Locale;

/**
 * What a token's holder may do beyond using Lore in the token's namespaces: a {@code reviewer} also decides on what
 * waits in the review inbox, an {@code admin} also acts for other users and in any namespace.
 */
public enum Role {
    MEMBER, REVIEWER, ADMIN;

    /** Whether this role may do what {@code needed} may. */
    public boolean includes(Role needed) {
        return compareTo(needed) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the roles there are */
    public static Role of(String label) {
        for (Role role : values()) {
            if (role.label().equalsIgnoreCase(label == null ? "" : label.strip())) {
                return role;
            }
        }
        throw new IllegalArgumentException("--role must be member, reviewer or admin, not '" + label + "'");
    }
}
