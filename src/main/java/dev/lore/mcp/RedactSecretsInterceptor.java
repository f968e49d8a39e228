package dev.lore.mcp;

import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lore.capture.SecretRedactor;

/**
 * Redacts secrets from every text argument of a call, whether a string, a list, a map or a record holding text, before
 * Bean Validation (at {@code PLATFORM_AFTER + 800}) checks the text as it will be kept.
 */
@RedactSecrets
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 750)
public class RedactSecretsInterceptor {

    private final ObjectMapper json;

    RedactSecretsInterceptor(ObjectMapper json) {
        this.json = json;
    }

    @AroundInvoke
    Object redact(InvocationContext context) throws Exception {
        Object[] arguments = context.getParameters();
        Type[] types = context.getMethod().getGenericParameterTypes();
        boolean changed = false;
        for (int i = 0; i < arguments.length; i++) {
            Object argument = arguments[i];
            if (argument instanceof String text) {
                arguments[i] = SecretRedactor.redact(text);
                changed |= !text.equals(arguments[i]);
            } else if (argument instanceof Collection<?> || argument instanceof Map<?, ?>
                    || argument instanceof Record) {
                JsonNode tree = json.valueToTree(argument);
                if (SecretRedactor.redact(tree)) {
                    arguments[i] = json.readerFor(json.getTypeFactory().constructType(types[i])).readValue(tree);
                    changed = true;
                }
            }
        }
        if (changed) {
            context.setParameters(arguments);
        }
        return context.proceed();
    }
}
