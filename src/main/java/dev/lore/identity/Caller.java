package dev.lore.identity;

/**
 * Who is calling and where: every record a store writes says which user, which agent (the MCP client), which
 * session, and which namespace (the sharing scope: a team or a project) it belongs to.
 */
public record Caller(String userId, String agentId, String sessionId, String namespace) {

    public static final String DEFAULT_NAMESPACE = "default";
}
