package dev.lore.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallRateLimitsTest {

    @Test
    void aUserPastTheCallsOfTheMinuteIsRefusedOthersAreNot() {
        CallRateLimits limits = new CallRateLimits(settings(3));
        Grant alice = new Grant("alice", List.of("platform"), Role.MEMBER);
        for (int i = 0; i < 3; i++) {
            limits.take(alice);
        }
        assertThatThrownBy(() -> limits.take(alice)).isInstanceOf(CallRefusedException.class)
                .hasMessageContaining("at most 3 calls a minute per user")
                .hasMessageContaining("lore.identity.calls-per-minute").hasMessageMatching(".* in \\d+ s");
        assertThatCode(() -> limits.take(new Grant("bob", List.of("platform"), Role.MEMBER)))
                .doesNotThrowAnyException();
    }

    @Test
    void zeroMeansNoLimit() {
        CallRateLimits limits = new CallRateLimits(settings(0));
        Grant alice = new Grant("alice", List.of("platform"), Role.MEMBER);
        assertThatCode(() -> {
            for (int i = 0; i < 10_000; i++) {
                limits.take(alice);
            }
        }).doesNotThrowAnyException();
    }

    private static IdentitySettings settings(int perMinute) {
        return new IdentitySettings() {
            @Override
            public Optional<String> user() {
                return Optional.empty();
            }

            @Override
            public boolean nameOtherUsers() {
                return true;
            }

            @Override
            public int callsPerMinute() {
                return perMinute;
            }
        };
    }
}
