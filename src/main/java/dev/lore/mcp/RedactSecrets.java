package dev.lore.mcp;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Marks an MCP class whose arguments may carry what a user said: secrets in them (keys, tokens, passwords) are
 * redacted before any rule or store sees them, so none is ever stored, searched for or handed to a model.
 */
@InterceptorBinding
@Target({ TYPE, METHOD })
@Retention(RUNTIME)
public @interface RedactSecrets {
}
