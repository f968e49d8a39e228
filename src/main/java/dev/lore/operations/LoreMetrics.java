package dev.lore.operations;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.lore.capture.CaptureQueue;
import dev.lore.review.ReviewInbox;
import dev.lore.store.LearningStore;
import dev.lore.store.LearningStores;
import dev.lore.store.RecordFilter;
import dev.lore.store.Tally;
import dev.lore.transfer.Transfer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * What Lore holds and what waits, read when the metrics are scraped ({@code /q/metrics}): records per store, the
 * conversations waiting to be learned from, the proposals waiting for review per store. The MCP requests themselves
 * (counts, latency, failures by kind, per tool) are quarkus-mcp-server's own timers, published as histograms so
 * that percentiles can be read across instances.
 */
@ApplicationScoped
public class LoreMetrics implements MeterBinder {

    private final LearningStores stores;
    private final Transfer transfer;
    private final CaptureQueue queue;
    private final ReviewInbox inbox;

    LoreMetrics(LearningStores stores, Transfer transfer, CaptureQueue queue, ReviewInbox inbox) {
        this.stores = stores;
        this.transfer = transfer;
        this.queue = queue;
        this.inbox = inbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("lore.capture.waiting", queue, CaptureQueue::waiting)
                .description("Conversations queued or being learned from").register(registry);
        for (LearningStore<?> store : stores.inRecallOrder()) {
            Gauge.builder("lore.store.records", this, metrics -> metrics.records(store))
                    .description("Records the store holds, every namespace and user").tag("store", store.name())
                    .register(registry);
            Gauge.builder("lore.review.waiting", this, metrics -> metrics.proposals(store))
                    .description("Proposals waiting for review").tag("store", store.name()).register(registry);
        }
    }

    @Produces
    @Singleton
    MeterFilter requestLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().startsWith("mcp.server.requests.")
                        ? DistributionStatisticConfig.builder().percentilesHistogram(true).build().merge(config)
                        : config;
            }
        };
    }

    private double records(LearningStore<?> store) {
        return transfer.tally(List.of(store), RecordFilter.EVERYTHING).values().stream().flatMap(List::stream)
                .mapToLong(Tally::count).sum();
    }

    private double proposals(LearningStore<?> store) {
        return inbox.waitingPerStore().getOrDefault(store.name(), 0L);
    }
}
