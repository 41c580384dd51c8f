package dev.salvo.reports.internal;

import dev.salvo.reports.GeneratorResults;
import dev.salvo.reports.RunResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which measured percentiles the load generator's own delays could distort. Two signs, either one flags a percentile:
 *
 * <ul>
 *   <li>Hiccups: a stall of the generator delays the requests due during it by up to the stall's length; those
 *       requests are a share of all requests about equal to the share of the measurement spent stalled. So a
 *       percentile is flagged when its tail (1 - q) is within twice that share and the longest hiccup is at least a
 *       tenth of the percentile's value (the maximum: whenever the longest hiccup is at least a tenth of it).
 *   <li>Lateness: the same percentile of the lateness charged to open-model requests (Gatling created the user late,
 *       e.g. its threads were starved of CPU, which a sleeping hiccup thread may not see) is at least a tenth of the
 *       response time's.
 * </ul>
 *
 * <p>And one more line for the whole run when the JVM's JIT compilers worked for at least {@link #JIT_WARN_MILLIS} in
 * the measurement's first {@link #JIT_EARLY_SECONDS} s: the warmup did not settle Salvo's code (docs/warmup-jit.md). The
 * line says how many requests the warmup ran and, when fewer than {@link #JIT_WARMUP_REQUESTS}, how long a warmup at the
 * measured rate would run that many.
 */
public final class GeneratorVerdict {
    private static final String[] NAMES = {"p50", "p90", "p95", "p99", "p99.9", "max"};
    private static final double[] TAILS = {0.5, 0.1, 0.05, 0.01, 0.001, 0};

    /** The measurement's first seconds whose compilation is told apart: what the warmup left to compile. */
    public static final int JIT_EARLY_SECONDS = 10;

    /**
     * Warmup requests (all request names together) after which C2 has compiled the request path: at 500 requests/s a
     * 5 s warmup (2,500) left 1.2 s of C2 compilation to the measurement's first 10 s, C2 reaching the request path
     * 1-8 s into the measurement (issue 20, docs/warmup-jit.md).
     */
    public static final long JIT_WARMUP_REQUESTS = 10_000;

    /** Compilation in the measurement's first {@link #JIT_EARLY_SECONDS} s, in ms, from which a run is warned. */
    public static final double JIT_WARN_MILLIS = 500;

    private GeneratorVerdict() {}

    /**
     * @param generator the generator's timing
     * @param measuredFromMillis when the measurement started, ms since the epoch
     * @return the JIT's compilation time in ms over the measurement and over its first {@link #JIT_EARLY_SECONDS} s,
     *     or null when the timeline does not carry it
     */
    public static double[] jitMillis(GeneratorResults generator, long measuredFromMillis) {
        double all = 0;
        double early = 0;
        boolean known = false;
        for (GeneratorResults.HiccupPoint p : generator.hiccupTimeline()) {
            if (p.jitMillis() == null || p.endEpochMillis() <= measuredFromMillis) {
                continue;
            }
            known = true;
            all += p.jitMillis();
            if (p.startEpochMillis() < measuredFromMillis + JIT_EARLY_SECONDS * 1000L) {
                early += p.jitMillis();
            }
        }
        return known ? new double[] {all, early} : null;
    }

    /**
     * @param generator the generator's timing
     * @param requests per-request statistics
     * @param measuredFromMillis when the measurement started (hiccups before it, e.g. while the database started, are
     *     left out when the timeline tells them apart)
     * @param seconds the measured duration
     * @return one warning line per request whose percentiles could be distorted, empty when none
     */
    public static List<String> warnings(
            GeneratorResults generator,
            List<RunResults.RequestStats> requests,
            long measuredFromMillis,
            double seconds) {
        double maxHiccupMicros = generator.hiccupMicros().max();
        double stallMillis = generator.stallMillis();
        List<GeneratorResults.HiccupPoint> measured = generator.hiccupTimeline().stream()
                .filter(p -> p.endEpochMillis() > measuredFromMillis)
                .toList();
        if (!measured.isEmpty()) {
            maxHiccupMicros = measured.stream()
                    .mapToDouble(GeneratorResults.HiccupPoint::maxMicros)
                    .max()
                    .orElse(0);
            stallMillis = measured.stream()
                    .mapToDouble(GeneratorResults.HiccupPoint::stallMillis)
                    .sum();
        }
        RunResults.Latency late = generator.lateMicros();
        double[] lateValues = {late.p50(), late.p90(), late.p95(), late.p99(), late.p999(), late.max()};
        double share = seconds <= 0 ? 0 : stallMillis / 1000.0 / seconds;
        List<String> lines = new ArrayList<>();
        for (RunResults.RequestStats r : requests) {
            RunResults.Latency l = r.responseMicros();
            if (l.count() == 0) {
                continue;
            }
            double[] values = {l.p50(), l.p90(), l.p95(), l.p99(), l.p999(), l.max()};
            List<String> flagged = new ArrayList<>();
            for (int i = 0; i < NAMES.length; i++) {
                boolean hiccups = maxHiccupMicros > 0 && TAILS[i] <= 2 * share && maxHiccupMicros >= values[i] / 10;
                boolean lateness = late.count() > 0 && lateValues[i] > 0 && lateValues[i] >= values[i] / 10;
                if (hiccups || lateness) {
                    flagged.add(NAMES[i]);
                }
            }
            if (!flagged.isEmpty()) {
                lines.add(String.format(
                        Locale.ROOT,
                        "'%s' %s: the load generator stalled up to %.1f ms (%.1f ms in all,"
                                + " %.2f%% of the measurement) and started requests late by up to %.1f ms (p99 %.1f ms); these may show"
                                + " Salvo's own delays, not the database",
                        r.name(),
                        String.join(", ", flagged),
                        maxHiccupMicros / 1000,
                        stallMillis,
                        share * 100,
                        late.max() / 1000,
                        late.p99() / 1000));
            }
        }
        double[] jit = jitMillis(generator, measuredFromMillis);
        if (jit != null && jit[1] >= JIT_WARN_MILLIS) {
            lines.add(String.format(
                            Locale.ROOT,
                            "the JIT compiled for %.0f ms in the measurement's first %d s (%.0f ms in all): the warmup did"
                                    + " not settle Salvo's code, and compiling takes CPU from the requests on a small machine; ",
                            jit[1],
                            JIT_EARLY_SECONDS,
                            jit[0])
                    + warmupAdvice(requests));
        }
        return lines;
    }

    /**
     * @param requests per-request statistics
     * @return what the warmup ran against what C2 needs, and the warmup that would give it that many at the measured
     *     rate; every request name counts, since they share the driver's and Salvo's request path
     */
    public static String warmupAdvice(List<RunResults.RequestStats> requests) {
        long warmup = requests.stream()
                .mapToLong(RunResults.RequestStats::warmupRequests)
                .sum();
        double rate = requests.stream()
                .mapToDouble(RunResults.RequestStats::throughput)
                .sum();
        if (warmup >= JIT_WARMUP_REQUESTS) {
            return String.format(
                    Locale.ROOT,
                    "the warmup ran %,d requests, as many as C2 needs, so what compiled is code the warmup does not run"
                            + " (docs/warmup-jit.md)",
                    warmup);
        }
        String length = rate > 0
                ? String.format(Locale.ROOT, ": at %.0f requests/s, a warmup of %d s or more", rate, (long)
                        Math.ceil(JIT_WARMUP_REQUESTS / rate))
                : "";
        return String.format(
                Locale.ROOT,
                "the warmup ran %,d requests and C2 compiles the request path after about %,d%s (docs/warmup-jit.md)",
                warmup,
                JIT_WARMUP_REQUESTS,
                length);
    }
}
