package dev.lore.identity;

import java.util.Locale;

import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;

/** Namespaces are case-insensitive names; they are kept in lower case. */
public final class Namespaces {

    private Namespaces() {
    }

    public static String normalize(String namespace) {
        return namespace == null || namespace.isBlank()
                ? Caller.DEFAULT_NAMESPACE
                : namespace.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A namespace named where no tool argument validation runs (a resource URI, a prompt argument), normalized; a
     * malformed one is refused as invalid params, naming the rule.
     */
    public static String checked(String namespace) {
        if (namespace != null && !namespace.isBlank() && !namespace.strip().matches(NamespaceName.PATTERN)) {
            throw new McpException("namespace " + NamespaceName.RULE + " (got '" + namespace + "')",
                    JsonRpcErrorCodes.INVALID_PARAMS);
        }
        return normalize(namespace);
    }
}
