package dev.lore.mcp;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks an MCP class whose failures a client must be able to read: invalid input comes back naming each offending
 * field and its limit, as a tool error ({@code isError: true}) from a tool and as an invalid-params error from a
 * resource or prompt, never as a stack trace.
 */
@InterceptorBinding
@Target({ TYPE, METHOD })
@Retention(RUNTIME)
public @interface McpErrors {
}
