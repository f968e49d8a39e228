package dev.lore.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Words that name an entry's scope (its store and namespace, its owner, each of its tags), indexed beside its text
 * so a full-text match can filter by scope. Each is a letter prefix and the decimal digits of a 64-bit hash, a form
 * no tokenizer or stemmer splits or alters.
 */
public final class ScopeTokens {

    private ScopeTokens() {
    }

    public static String of(String store, String namespace, String ownerId, List<String> tags) {
        return String.join(" ", tokens(store, namespace, ownerId, tags));
    }

    /** The tokens an entry of this scope carries, and that a search of the scope requires. */
    static List<String> tokens(String store, String namespace, String ownerId, List<String> tags) {
        List<String> tokens = new ArrayList<>();
        tokens.add(namespace(store, namespace));
        if (ownerId != null) {
            tokens.add(owner(ownerId));
        }
        tags.forEach(tag -> tokens.add(tag(tag)));
        return tokens;
    }

    static String namespace(String store, String namespace) {
        return token("ns", store + '\u0000' + namespace);
    }

    static String owner(String ownerId) {
        return token("ow", ownerId);
    }

    static String tag(String tag) {
        return token("tg", tag);
    }

    private static String token(String prefix, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            long hash = 0;
            for (int i = 0; i < Long.BYTES; i++) {
                hash = (hash << 8) | (digest[i] & 0xff);
            }
            return prefix + Long.toUnsignedString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
