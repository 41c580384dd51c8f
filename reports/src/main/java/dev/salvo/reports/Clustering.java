package dev.salvo.reports;

import java.util.Arrays;
import java.util.List;

/**
 * How one query kind's slow requests were spread over time, for compare's clustering correction (docs/reports.md):
 * per short interval of the measurement, its requests and how many of them were above the run's own p50, p95 and p99.
 * Written in {@code results.json} per kind ({@code clustering}); absent in runs written before it was recorded.
 *
 * @param intervalMillis the intervals' length in ms (1,000; doubled as often as needed to keep at most
 *     {@link #MAX_INTERVALS})
 * @param requests per interval from the measurement's start, its requests
 * @param p50 per interval, its requests above the run's median
 * @param p95 per interval, its requests above the run's 95th percentile
 * @param p99 per interval, its requests above the run's 99th percentile
 */
public record Clustering(long intervalMillis, long[] requests, long[] p50, long[] p95, long[] p99) {
    /** The interval the runtime records at, ms. */
    public static final long TICK_MILLIS = 1000;
    /** The most intervals kept: longer runs have longer intervals. */
    public static final int MAX_INTERVALS = 600;
    /** The percentiles a clustering counts exceedances of, in the order of the record's fields. */
    public static final List<String> METRICS = List.of("p50", "p95", "p99");

    /** Normalizes absent arrays to empty ones. */
    public Clustering {
        requests = requests == null ? new long[0] : requests;
        p50 = p50 == null ? new long[0] : p50;
        p95 = p95 == null ? new long[0] : p95;
        p99 = p99 == null ? new long[0] : p99;
    }

    /**
     * @param metric {@code p50}, {@code p95} or {@code p99}
     * @return per interval, its requests above that percentile; null for another metric
     */
    public long[] above(String metric) {
        return switch (metric) {
            case "p50" -> p50;
            case "p95" -> p95;
            case "p99" -> p99;
            default -> null;
        };
    }

    /**
     * @param factor how many intervals become one
     * @return this clustering over intervals {@code factor} times as long
     */
    public Clustering coarsen(int factor) {
        if (factor <= 1) {
            return this;
        }
        return new Clustering(
                intervalMillis * factor, sum(requests, factor), sum(p50, factor), sum(p95, factor), sum(p99, factor));
    }

    /**
     * @param other another worker's clustering of the same kind, may be null
     * @return both added interval by interval (over the longer of the two intervals; each worker's exceedances of its
     *     own percentiles)
     */
    public Clustering plus(Clustering other) {
        if (other == null) {
            return this;
        }
        long interval = Math.max(intervalMillis, other.intervalMillis);
        Clustering a = coarsen((int) (interval / Math.max(1, intervalMillis)));
        Clustering b = other.coarsen((int) (interval / Math.max(1, other.intervalMillis)));
        return new Clustering(
                interval, add(a.requests, b.requests), add(a.p50, b.p50), add(a.p95, b.p95), add(a.p99, b.p99));
    }

    private static long[] sum(long[] values, int factor) {
        long[] out = new long[(values.length + factor - 1) / factor];
        for (int i = 0; i < values.length; i++) {
            out[i / factor] += values[i];
        }
        return out;
    }

    private static long[] add(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, Math.max(a.length, b.length));
        for (int i = 0; i < b.length; i++) {
            out[i] += b[i];
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Clustering c
                && intervalMillis == c.intervalMillis
                && Arrays.equals(requests, c.requests)
                && Arrays.equals(p50, c.p50)
                && Arrays.equals(p95, c.p95)
                && Arrays.equals(p99, c.p99);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(intervalMillis) * 31 + Arrays.hashCode(requests);
    }

    @Override
    public String toString() {
        return "Clustering[" + intervalMillis + " ms x " + requests.length + "]";
    }
}
