package dev.lore.mcp;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.MDC;

import io.quarkiverse.mcp.server.McpConnection;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Puts on every log line written while a tool, resource or prompt is served (Lore's own and its libraries') the MCP
 * session it belongs to ({@value #SESSION}: the connection, which is the {@code Mcp-Session-Id} over Streamable HTTP)
 * and who called ({@value #PRINCIPAL}: the user of the token or of the identity provider's token, absent when nobody
 * authenticated the call). With JSON logs ({@code LORE_LOG_JSON=true}) they are fields an operator filters on. Every
 * MCP class carries {@link McpErrors}; this rides on the same binding, outside the error mapping, so a refusal's log
 * line names who was refused.
 */
@McpErrors
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 600)
public class CallLogContext {

    static final String SESSION = "mcpSessionId";
    static final String PRINCIPAL = "principal";

    private final CurrentIdentityAssociation identities;

    CallLogContext(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @AroundInvoke
    Object mark(InvocationContext context) throws Exception {
        Map<String, String> marks = new HashMap<>();
        Arrays.stream(context.getParameters()).filter(McpConnection.class::isInstance).findFirst()
                .ifPresent(connection -> marks.put(SESSION, ((McpConnection) connection).id()));
        SecurityIdentity identity = identities.getIdentity();
        if (identity != null && !identity.isAnonymous()) {
            marks.put(PRINCIPAL, identity.getPrincipal().getName());
        }
        Map<String, Object> before = new HashMap<>();
        marks.forEach((key, value) -> before.put(key, MDC.put(key, value)));
        try {
            return context.proceed();
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
        }
    }
}
