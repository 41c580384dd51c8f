package dev.salvo.reports.internal;

import dev.salvo.reports.RunResults;
import dev.salvo.reports.RunResults.Latency;
import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.RunResults.SloVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Derived statistics: rates, SQLSTATE classes, per-kind aggregates by exact histogram addition. Internal. */
public final class StatsMath {
    private static final Pattern SQLSTATE = Pattern.compile("^[0-9A-Z]{5}\\b.*");

    private StatsMath() {}

    /**
     * The counted part of one request name or kind, as input of {@link #stats}.
     *
     * @param name request name (or kind)
     * @param kind query kind
     * @param ok succeeded
     * @param ko failed
     * @param errors failures by {@code SQLSTATE: message}
     * @param rows rows
     * @param bytes bytes
     * @param warmupRequests requests in the warmup
     * @param variety distinct parameter sets, null when unknown
     * @param slo verdict, null when none
     */
    public record Counts(
            String name,
            String kind,
            long ok,
            long ko,
            Map<String, Long> errors,
            long rows,
            long bytes,
            long warmupRequests,
            Long variety,
            SloVerdict slo) {}

    /**
     * @param r one request name's totals
     * @return its counts
     */
    public static Counts counts(dev.salvo.reports.ResultsBuilder.Request r) {
        return new Counts(
                r.name(),
                r.kind(),
                r.ok(),
                r.ko(),
                r.errors(),
                r.rows(),
                r.bytes(),
                r.warmupRequests(),
                r.variety(),
                r.slo());
    }

    /**
     * @param counts the counts
     * @param histograms the latencies in ns
     * @param seconds the measured duration
     * @return the statistics
     */
    public static RequestStats stats(Counts counts, HistogramSet histograms, double seconds) {
        long count = counts.ok() + counts.ko();
        Map<String, Long> errors = new TreeMap<>(counts.errors() == null ? Map.of() : counts.errors());
        return new RequestStats(
                counts.name(),
                counts.kind(),
                count,
                counts.ok(),
                counts.ko(),
                count == 0 ? 0 : round6(counts.ko() / (double) count),
                errors,
                errorClasses(errors),
                counts.rows(),
                counts.bytes(),
                rate(count, seconds),
                rate(counts.rows(), seconds),
                rate(counts.bytes(), seconds),
                counts.warmupRequests(),
                counts.variety(),
                Latency.ofNanos(histograms.get(HistogramSet.RESPONSE)),
                Latency.ofNanos(histograms.get(HistogramSet.SERVICE)),
                Latency.ofNanos(histograms.get(HistogramSet.WAIT)),
                Latency.ofNanos(histograms.get(HistogramSet.LAG)),
                counts.slo(),
                null);
    }

    /**
     * @param kind a query kind
     * @param requests the counts of that kind's request names
     * @return the kind's counts: sums, errors merged, SLO verdict over all of them
     */
    public static Counts kindCounts(String kind, List<Counts> requests) {
        return sum(kind, kind, requests, kindSlo(requests));
    }

    /**
     * @param name the name of the sum (a request name, or a kind)
     * @param kind the query kind
     * @param parts the counts to add (of several request names, or of one name on several workers)
     * @param slo the sum's verdict, null for none
     * @return the counts added, errors merged
     */
    public static Counts sum(String name, String kind, List<Counts> parts, SloVerdict slo) {
        long ok = 0;
        long ko = 0;
        long rows = 0;
        long bytes = 0;
        long warmup = 0;
        Long variety = null;
        Map<String, Long> errors = new TreeMap<>();
        for (Counts r : parts) {
            ok += r.ok();
            ko += r.ko();
            rows += r.rows();
            bytes += r.bytes();
            warmup += r.warmupRequests();
            if (r.variety() != null) {
                variety = (variety == null ? 0 : variety) + r.variety();
            }
            if (r.errors() != null) {
                r.errors().forEach((k, v) -> errors.merge(k, v, Long::sum));
            }
        }
        return new Counts(name, kind, ok, ko, errors, rows, bytes, warmup, variety, slo);
    }

    private static SloVerdict kindSlo(List<Counts> requests) {
        List<SloVerdict> verdicts =
                requests.stream().map(Counts::slo).filter(Objects::nonNull).toList();
        if (verdicts.isEmpty()) {
            return null;
        }
        List<String> breaches = new ArrayList<>();
        for (Counts r : requests) {
            if (r.slo() != null) {
                r.slo().breaches().forEach(b -> breaches.add(r.name() + ": " + b));
            }
        }
        double maxErrorRate =
                verdicts.stream().mapToDouble(SloVerdict::maxErrorRate).min().orElse(1);
        return new SloVerdict(null, null, maxErrorRate, verdicts.stream().allMatch(SloVerdict::pass), breaches);
    }

    /**
     * @param errors failures by {@code SQLSTATE: message}
     * @return failures by SQLSTATE class (two characters), {@code ?} when a key has no SQLSTATE
     */
    public static Map<String, Long> errorClasses(Map<String, Long> errors) {
        Map<String, Long> classes = new TreeMap<>();
        errors.forEach(
                (key, n) -> classes.merge(SQLSTATE.matcher(key).matches() ? key.substring(0, 2) : "?", n, Long::sum));
        return classes;
    }

    /**
     * @param requests per-name statistics
     * @return {@link RunResults#PASS}, {@link RunResults#FAIL} or {@link RunResults#NONE}
     */
    public static String verdict(List<RequestStats> requests) {
        List<SloVerdict> verdicts = requests.stream()
                .map(RequestStats::slo)
                .filter(Objects::nonNull)
                .toList();
        if (verdicts.isEmpty()) {
            return RunResults.NONE;
        }
        return verdicts.stream().allMatch(SloVerdict::pass) ? RunResults.PASS : RunResults.FAIL;
    }

    /**
     * @param amount a count
     * @param seconds a duration
     * @return amount per second, rounded to 3 decimals; 0 for an empty duration
     */
    public static double rate(double amount, double seconds) {
        return seconds <= 0 ? 0 : Math.round(amount / seconds * 1000) / 1000.0;
    }

    private static double round6(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
