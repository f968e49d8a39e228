package dev.lore.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * How many calls an authenticated user may make a minute ({@code lore.identity.calls-per-minute}), counted per user
 * and per Lore instance, so that one client in a loop cannot take a team server from everyone else. A refused call
 * writes nothing and says when the next one will be taken.
 */
@ApplicationScoped
public class CallRateLimits {

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    CallRateLimits(IdentitySettings settings) {
        this.perMinute = settings.callsPerMinute();
    }

    /** @throws CallRefusedException when the grant's user made all the calls of the last minute */
    void take(Grant grant) {
        if (perMinute <= 0) {
            return;
        }
        Bucket bucket = buckets.computeIfAbsent(grant.userId(), user -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            throw CallRefusedException.rateLimited(perMinute, Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }
}
