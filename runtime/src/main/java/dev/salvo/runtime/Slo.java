package dev.salvo.runtime;

import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A service-level objective of one request: response-time bounds at p95 and p99 and an error-rate bound, checked at the
 * end of the run against Salvo's microsecond histograms (warmup excluded). A breach fails the run (exit status 2, as a
 * failed Gatling assertion). Defaults per kind: {@link #defaultFor(QueryKind)}.
 *
 * @param p95 bound of the 95th percentile of response time, null for none
 * @param p99 bound of the 99th percentile of response time, null for none
 * @param maxErrorRate largest allowed fraction of failed requests, in [0, 1]
 */
public record Slo(Duration p95, Duration p99, double maxErrorRate) {

    /** Default error-rate bound: 1%. */
    public static final double DEFAULT_MAX_ERROR_RATE = 0.01;

    private static final Map<QueryKind, Slo> DEFAULTS = new EnumMap<>(QueryKind.class);

    static {
        put(QueryKind.POINT_LOOKUP, 100, 200);
        put(QueryKind.INSERT, 100, 200);
        put(QueryKind.UPDATE, 100, 200);
        put(QueryKind.RANGE_SCAN, 500, 1_000);
        put(QueryKind.AGGREGATION, 5_000, 10_000);
        put(QueryKind.WINDOWED, 5_000, 10_000);
        put(QueryKind.APPROX_DISTINCT, 5_000, 10_000);
        put(QueryKind.ANALYTICAL_JOIN, 10_000, 20_000);
        put(QueryKind.WIDE_SCAN, 10_000, 20_000);
        DEFAULTS.put(QueryKind.GENERIC, new Slo(null, null, DEFAULT_MAX_ERROR_RATE));
    }

    private static void put(QueryKind kind, long p95Millis, long p99Millis) {
        DEFAULTS.put(kind, new Slo(Duration.ofMillis(p95Millis), Duration.ofMillis(p99Millis), DEFAULT_MAX_ERROR_RATE));
    }

    /** Checks the bounds. */
    public Slo {
        if (p95 != null && (p95.isNegative() || p95.isZero())) {
            throw new SalvoException("slo: p95 must be positive, but was " + p95);
        }
        if (p99 != null && (p99.isNegative() || p99.isZero())) {
            throw new SalvoException("slo: p99 must be positive, but was " + p99);
        }
        if (p95 != null && p99 != null && p99.compareTo(p95) < 0) {
            throw new SalvoException(
                    "slo: p99 must be >= p95, but was p95=" + p95.toMillis() + " ms, p99=" + p99.toMillis() + " ms");
        }
        if (!(maxErrorRate >= 0 && maxErrorRate <= 1)) {
            throw new SalvoException("slo: maxErrorRate must be between 0 and 1, but was " + maxErrorRate);
        }
    }

    /**
     * The defaults: POINT_LOOKUP, INSERT, UPDATE p95 100 ms / p99 200 ms; RANGE_SCAN 500 ms / 1 s; AGGREGATION, WINDOWED,
     * APPROX_DISTINCT 5 s / 10 s; ANALYTICAL_JOIN, WIDE_SCAN 10 s / 20 s; GENERIC no latency bound; every kind at most 1%
     * errors.
     *
     * @param kind the query kind
     * @return its default SLO
     */
    public static Slo defaultFor(QueryKind kind) {
        return DEFAULTS.get(kind);
    }

    /** @return an SLO that nothing breaches */
    public static Slo none() {
        return new Slo(null, null, 1.0);
    }

    /**
     * @param p95Micros measured p95 in µs
     * @param p99Micros measured p99 in µs
     * @param count requests measured
     * @param errors failed requests among them
     * @return a description of each bound that was breached; empty when the SLO holds
     */
    public List<String> breaches(double p95Micros, double p99Micros, long count, long errors) {
        List<String> out = new ArrayList<>();
        if (count == 0) {
            return out;
        }
        if (p95 != null && p95Micros > p95.toNanos() / 1000.0) {
            out.add(String.format(java.util.Locale.ROOT, "p95 %.3f ms > %d ms", p95Micros / 1000, p95.toMillis()));
        }
        if (p99 != null && p99Micros > p99.toNanos() / 1000.0) {
            out.add(String.format(java.util.Locale.ROOT, "p99 %.3f ms > %d ms", p99Micros / 1000, p99.toMillis()));
        }
        double rate = errors / (double) count;
        if (rate > maxErrorRate) {
            out.add(String.format(java.util.Locale.ROOT, "error rate %.4f > %.4f", rate, maxErrorRate));
        }
        return out;
    }
}
