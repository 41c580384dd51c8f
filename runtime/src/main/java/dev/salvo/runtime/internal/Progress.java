package dev.salvo.runtime.internal;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * Live progress on the console: every few seconds one line per request name with its throughput and latency over the
 * last interval (ms with µs precision) and its errors so far. Compact enough for a CI log.
 */
final class Progress {
  private final ScheduledExecutorService timer;

  private Progress(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  static Progress start(long startNanos, long warmupNanos, long periodSeconds, Map<String, RequestRecorder> recorders) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "salvo-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(() -> print(startNanos, warmupNanos, periodSeconds, recorders), periodSeconds,
        periodSeconds, TimeUnit.SECONDS);
    return new Progress(timer);
  }

  private static void print(long startNanos, long warmupNanos, long periodSeconds, Map<String, RequestRecorder> recorders) {
    long elapsed = System.nanoTime() - startNanos;
    String phase = elapsed < warmupNanos ? " warmup" : "";
    StringBuilder out = new StringBuilder();
    recorders.values().stream().sorted(Comparator.comparing(r -> r.name)).forEach(r -> {
      Histogram h = r.interval();
      out.append(String.format(Locale.ROOT, "[salvo] %4ds%s %-14s %-28s %8.1f qps  p50 %9.3f  p95 %9.3f  p99 %9.3f ms  errors %d%n",
          TimeUnit.NANOSECONDS.toSeconds(elapsed), phase, r.kind, abbreviate(r.name),
          h.getTotalCount() / (double) periodSeconds, ms(h, 50), ms(h, 95), ms(h, 99), r.errors()));
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
