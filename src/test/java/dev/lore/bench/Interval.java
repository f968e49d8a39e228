package dev.lore.bench;

import java.util.Arrays;
import java.util.Random;

/**
 * The mean of per-question scores with its 95% percentile bootstrap interval (questions drawn with replacement, 2,000
 * times, from a fixed seed so a run is repeatable): how far the figure could move on other questions of the same kind.
 * Given per-question differences between two runs on the same questions, it is the paired interval of the change.
 */
record Interval(double mean, double low, double high) {

    private static final int RESAMPLES = 2_000;

    static Interval of(double[] values) {
        double[] means = new double[RESAMPLES];
        Random random = new Random(1);
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            means[r] = sum / values.length;
        }
        Arrays.sort(means);
        return new Interval(Arrays.stream(values).average().orElse(0), means[(int) (RESAMPLES * 0.025)],
                means[(int) (RESAMPLES * 0.975) - 1]);
    }

    @Override
    public String toString() {
        return String.format("%.3f (95%% interval %.3f to %.3f)", mean, low, high);
    }
}
