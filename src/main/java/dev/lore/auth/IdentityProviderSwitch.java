package dev.lore.auth;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Turns Quarkus OIDC's default tenant on exactly when {@code lore http} requires tokens and an identity provider is
 * named ({@code lore.oidc.issuer}), wherever that is set: the environment, a {@code .env} file, a configuration file,
 * a system property. Quarkus OIDC would otherwise try to reach its issuer in every command, or never. Its ordinal puts
 * it above {@code application.properties} and below the environment, so {@code QUARKUS_OIDC_TENANT_ENABLED} still
 * decides when set.
 */
public class IdentityProviderSwitch implements ConfigSourceFactory {

    /** Set by {@code lore http} unless {@code --insecure-local}. */
    public static final String TOKENS_REQUIRED = "lore.http.tokens-required";
    static final String TENANT_ENABLED = "quarkus.oidc.tenant-enabled";
    private static final int ORDINAL = 275;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean on = isSet(context.getValue("lore.oidc.issuer")) && isTrue(context.getValue(TOKENS_REQUIRED));
        return List.of(new MapBackedConfigSource("lore identity provider switch",
                Map.of(TENANT_ENABLED, Boolean.toString(on)), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static boolean isTrue(ConfigValue value) {
        return isSet(value) && Boolean.parseBoolean(value.getValue().strip());
    }
}
