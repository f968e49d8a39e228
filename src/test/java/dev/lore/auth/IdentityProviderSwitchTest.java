package dev.lore.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** When Quarkus OIDC's tenant is on: under lore http with tokens, with an issuer named in any configuration source. */
class IdentityProviderSwitchTest {

    private static final String ISSUER = "https://id.example.com/realms/acme";
    /** Where application.properties, a config folder's file and a .env file sit: below the switch. */
    private static final int FILE_ORDINAL = 250;
    /** The environment: above the switch. */
    private static final int ENVIRONMENT_ORDINAL = 300;

    @Test
    void onWhenTokensAreRequiredAndAnIssuerIsNamedEvenInAFile() {
        assertThat(tenantEnabled(Map.of("lore.oidc.issuer", ISSUER, IdentityProviderSwitch.TOKENS_REQUIRED, "true"),
                FILE_ORDINAL)).isTrue();
    }

    @Test
    void offWithoutAnIssuerOrWithoutTokens() {
        assertThat(tenantEnabled(Map.of(IdentityProviderSwitch.TOKENS_REQUIRED, "true"), FILE_ORDINAL)).isFalse();
        assertThat(tenantEnabled(Map.of("lore.oidc.issuer", " ", IdentityProviderSwitch.TOKENS_REQUIRED, "true"),
                FILE_ORDINAL)).as("a blank issuer").isFalse();
        assertThat(tenantEnabled(Map.of("lore.oidc.issuer", ISSUER), FILE_ORDINAL))
                .as("lore export, lore http --insecure-local").isFalse();
    }

    @Test
    void theEnvironmentStillDecidesWhenItSetsTheTenant() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of("lore.oidc.issuer", ISSUER,
                        IdentityProviderSwitch.TOKENS_REQUIRED, "true"), "files", FILE_ORDINAL))
                .withSources(new PropertiesConfigSource(Map.of(IdentityProviderSwitch.TENANT_ENABLED, "false"),
                        "environment", ENVIRONMENT_ORDINAL))
                .withSources(new IdentityProviderSwitch())
                .build();
        assertThat(config.getValue(IdentityProviderSwitch.TENANT_ENABLED, Boolean.class)).isFalse();
    }

    private static boolean tenantEnabled(Map<String, String> settings, int ordinal) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(settings, "settings", ordinal))
                .withSources(new IdentityProviderSwitch())
                .build();
        return config.getValue(IdentityProviderSwitch.TENANT_ENABLED, Boolean.class);
    }
}
