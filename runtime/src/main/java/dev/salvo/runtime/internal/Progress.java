package dev.salvo.runtime.internal;

import dev.salvo.reports.Clustering;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Live progress on the console: every few seconds one line per request name with its throughput and latency over the
 * last interval (ms with µs precision) and its errors so far. Compact enough for a CI log. Every second it also ticks
 * the recorders' short intervals (see {@link RequestRecorder#tick()}).
 */
final class Progress {
    private final ScheduledExecutorService timer;

    private Progress(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    static Progress start(
            long startNanos, long warmupNanos, long periodSeconds, Map<String, RequestRecorder> recorders) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-progress");
            t.setDaemon(true);
            return t;
        });
        // the results' short intervals (how clustered slow requests are), on the same thread as the lines
        timer.scheduleAtFixedRate(
                () -> recorders.values().forEach(RequestRecorder::tick),
                Clustering.TICK_MILLIS,
                Clustering.TICK_MILLIS,
                TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(
                () -> print(startNanos, warmupNanos, periodSeconds, recorders),
                periodSeconds,
                periodSeconds,
                TimeUnit.SECONDS);
        return new Progress(timer);
    }

    /** warmup requests per recorder at the previous line, to print each interval's (only the progress thread uses it) */
    private static final Map<RequestRecorder, Long> WARMUP_SEEN = new java.util.WeakHashMap<>();

    private static synchronized void print(
            long startNanos, long warmupNanos, long periodSeconds, Map<String, RequestRecorder> recorders) {
        long elapsed = System.nanoTime() - startNanos;
        StringBuilder out = new StringBuilder();
        recorders.values().stream()
                .filter(r -> r.transaction == null)
                .sorted(Comparator.comparing(r -> r.name))
                .forEach(r -> {
                    Histogram h = r.interval();
                    long warmupNow = r.warmupRequests();
                    long warmup = warmupNow - WARMUP_SEEN.getOrDefault(r, 0L);
                    WARMUP_SEEN.put(r, warmupNow);
                    long seconds = TimeUnit.NANOSECONDS.toSeconds(elapsed);
                    if (h.getTotalCount() == 0 && warmup > 0) {
                        // nothing measured yet: say so, instead of 0 qps
                        out.append(String.format(
                                Locale.ROOT,
                                "[salvo] %4ds warmup %-14s %-28s %8.1f req/s started in the warmup"
                                        + " (not measured; measurement starts %.1f s after the first request)%n",
                                seconds,
                                r.kind,
                                abbreviate(r.name),
                                warmup / (double) periodSeconds,
                                warmupNanos / 1e9));
                        return;
                    }
                    out.append(String.format(
                            Locale.ROOT,
                            "[salvo] %4ds %-14s %-28s %8.1f qps  p50 %9.3f  p95 %9.3f  p99 %9.3f ms"
                                    + "  errors %d%s%n",
                            seconds,
                            r.kind,
                            abbreviate(r.name),
                            h.getTotalCount() / (double) periodSeconds,
                            ms(h, 50),
                            ms(h, 95),
                            ms(h, 99),
                            r.errors(),
                            warmup > 0 ? "  (+" + warmup + " in the warmup, not measured)" : ""));
                });
        System.out.print(out);
    }

    private static String abbreviate(String name) {
        return name.length() <= 28 ? name : name.substring(0, 25) + "...";
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1e6;
    }

    void stop() {
        timer.shutdownNow();
    }
}
