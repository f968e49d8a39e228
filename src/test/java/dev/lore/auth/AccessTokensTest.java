package dev.lore.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.lore.identity.Grant;
import dev.lore.identity.Role;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccessTokensTest {

    @Inject
    AccessTokens tokens;

    @Test
    void aTokenIsKeptAsItsHashAndGrantsWhatItWasMadeFor() {
        AccessTokens.Issued issued = tokens.create(" alice ", List.of("Platform", "payments", "platform"),
                Role.REVIEWER, null);

        assertThat(issued.token()).startsWith(AccessTokens.PREFIX).hasSizeGreaterThan(40);
        AccessToken stored = tokens.findById(issued.record().id);
        assertThat(stored.hash).isEqualTo(AccessTokens.hash(issued.token())).doesNotContain(issued.token());
        assertThat(tokens.check(issued.token())).contains(new Grant("alice", List.of("platform", "payments"),
                Role.REVIEWER));
        assertThat(tokens.check(issued.token() + "x")).isEmpty();
        assertThat(tokens.check("not-a-lore-token")).isEmpty();
    }

    @Test
    void aRevokedOrExpiredTokenGrantsNothing() throws InterruptedException {
        AccessTokens.Issued revoked = tokens.create("bob", List.of("payments"), Role.MEMBER, null);
        assertThat(tokens.revoke(revoked.record().id)).isTrue();
        assertThat(tokens.check(revoked.token())).isEmpty();
        assertThat(tokens.revoke("no-such-token")).isFalse();

        AccessTokens.Issued expiring = tokens.create("bob", List.of("payments"), Role.MEMBER, Duration.ofMillis(50));
        Thread.sleep(100);
        assertThat(tokens.check(expiring.token())).isEmpty();
    }

    @Test
    void aTokenNeedsAUserAndANamespace() {
        assertThatThrownBy(() -> tokens.create(" ", List.of("payments"), Role.MEMBER, null))
                .hasMessageContaining("--user");
        assertThatThrownBy(() -> tokens.create("carol", List.of(), Role.MEMBER, null))
                .hasMessageContaining("--namespaces");
    }

    @Test
    void aRoleIncludesTheRolesBelowIt() {
        assertThat(Role.ADMIN.includes(Role.REVIEWER)).isTrue();
        assertThat(Role.REVIEWER.includes(Role.MEMBER)).isTrue();
        assertThat(Role.MEMBER.includes(Role.REVIEWER)).isFalse();
        assertThat(Role.of("Reviewer")).isEqualTo(Role.REVIEWER);
        assertThatThrownBy(() -> Role.of("owner")).hasMessageContaining("member, reviewer or admin");
    }
}
