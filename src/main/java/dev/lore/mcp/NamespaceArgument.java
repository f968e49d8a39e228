package dev.lore.mcp;

/**
 * How tools describe their {@code namespace} argument to a client's model: where a call that names none works is the
 * default namespace, or, for a caller with a token, the token's first namespace.
 */
public final class NamespaceArgument {

    private static final String DEFAULT = " (default: 'default'; with a token, its first).";
    public static final String TO_WORK_IN = "Optional: the team or project namespace" + DEFAULT;
    public static final String TO_SHARE_IN = "Optional: the team or project namespace to share it in" + DEFAULT;
    public static final String TO_SEARCH = "Optional: the namespace to search" + DEFAULT;

    private NamespaceArgument() {
    }
}
