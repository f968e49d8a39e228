package dev.lore.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

/** How an identity provider's namespaces claim is read, in the shapes providers give it. */
class OidcGrantsTest {

    @Test
    void theNamespacesClaimIsReadAsAnArrayOrAsNamesInAString() {
        assertThat(OidcGrants.namespaces(Json.createArrayBuilder().add("Platform").add("payments").build()))
                .containsExactly("platform", "payments");
        assertThat(OidcGrants.namespaces(Set.of("platform"))).containsExactly("platform");
        assertThat(OidcGrants.namespaces("platform payments,  hr")).containsExactly("platform", "payments", "hr");
        assertThat(OidcGrants.namespaces(Json.createValue("ops"))).containsExactly("ops");
        assertThat(OidcGrants.namespaces(List.of("ops", "OPS"))).containsExactly("ops");
    }

    @Test
    void aTokenWithoutTheClaimWorksInTheDefaultNamespace() {
        assertThat(OidcGrants.namespaces(null)).containsExactly("default");
        assertThat(OidcGrants.namespaces(" ")).containsExactly("default");
    }
}
