package dev.lore.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Wall-clock durations of repeated operations (from any thread), summarised as percentiles. */
public final class Latencies {

    private final List<Double> millis = new ArrayList<>();

    public synchronized void add(long startNanos) {
        millis.add((System.nanoTime() - startNanos) / 1e6);
    }

    public synchronized int count() {
        return millis.size();
    }

    public synchronized double percentile(double p) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public String summary() {
        return String.format("p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  (n=%d)", percentile(50), percentile(95),
                percentile(99), count());
    }
}
