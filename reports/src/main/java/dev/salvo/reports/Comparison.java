package dev.salvo.reports;

import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.internal.RunReportPage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * The comparison of 2 to 5 runs: the first is the baseline, each other run's per-kind metrics are compared with it and
 * marked as a regression or an improvement when they change by more than a {@link Thresholds threshold}. Written as
 * {@code comparison.json} (this record) and an HTML page by the {@code compare} command.
 *
 * @param runs the runs, baseline first
 * @param thresholds the thresholds applied
 * @param config every setting, with its value per run, and whether the values differ
 * @param deltas per kind, metric and compared run
 * @param regression true when any delta is a regression
 * @param regressions one line per regression
 */
public record Comparison(List<Run> runs, Thresholds thresholds, List<Setting> config, List<Delta> deltas,
    boolean regression, List<String> regressions) {

  /** Fewest runs compared. */
  public static final int MIN_RUNS = 2;
  /** Most runs compared. */
  public static final int MAX_RUNS = 5;
  /** Status of a delta beyond its threshold in the bad direction. */
  public static final String REGRESSION = "REGRESSION";
  /** Status of a delta beyond its threshold in the good direction. */
  public static final String IMPROVEMENT = "IMPROVEMENT";
  /** Status of a delta within its threshold. */
  public static final String SAME = "SAME";
  /** Status when the kind is absent from the compared run or from the baseline, or a value is 0 in the baseline. */
  public static final String NOT_COMPARABLE = "NOT_COMPARABLE";

  /**
   * @param label {@code A} (baseline), {@code B}, ...
   * @param dir the run directory as given
   * @param simulation the simulation
   * @param startedAt when it started
   * @param verdict its SLO verdict
   */
  public record Run(String label, String dir, String simulation, String startedAt, String verdict) {}

  /**
   * @param key the setting
   * @param values its value per run, in run order ({@code null} as text when absent)
   * @param differs true when not all values are equal
   */
  public record Setting(String key, List<String> values, boolean differs) {}

  /**
   * @param kind the query kind
   * @param metric one of {@link Thresholds#METRICS}
   * @param run the compared run's label
   * @param baseline the baseline's value
   * @param value the compared run's value
   * @param change relative change in percent, or for {@code errorRate} the difference in percentage points
   * @param status {@link #REGRESSION}, {@link #IMPROVEMENT}, {@link #SAME} or {@link #NOT_COMPARABLE}
   */
  public record Delta(String kind, String metric, String run, double baseline, double value, double change,
      String status) {}

  /**
   * How much a metric may change before it counts as a regression (and, the other way, an improvement). Throughput and
   * rows/s in percent of drop, latencies in percent of rise, error rate in percentage points of rise.
   *
   * @param qps throughput drop, percent (default 10)
   * @param p50 median response time rise, percent (default 20)
   * @param p95 95th percentile rise, percent (default 20)
   * @param p99 99th percentile rise, percent (default 20)
   * @param errorRate error rate rise, percentage points (default 1)
   * @param rowsPerSecond rows/s drop, percent (default 10)
   */
  public record Thresholds(double qps, double p50, double p95, double p99, double errorRate, double rowsPerSecond) {
    /** The metric names, as in {@code --threshold <metric>=<value>}. */
    public static final List<String> METRICS = List.of("qps", "p50", "p95", "p99", "errorRate", "rowsPerSecond");
    /** The defaults. */
    public static final Thresholds DEFAULTS = new Thresholds(10, 20, 20, 20, 1, 10);

    /** Checks every threshold is a positive number. */
    public Thresholds {
      double[] values = {qps, p50, p95, p99, errorRate, rowsPerSecond};
      for (int i = 0; i < values.length; i++) {
        if (!(values[i] > 0) || Double.isInfinite(values[i])) {
          throw new IllegalArgumentException("threshold " + METRICS.get(i) + ": must be a positive number, but was "
              + values[i]);
        }
      }
    }

    /**
     * @param overrides metric name to value, e.g. {@code p95 -> 30}
     * @return these thresholds with the overrides applied
     * @throws IllegalArgumentException for an unknown metric or a value that is not positive
     */
    public Thresholds with(Map<String, Double> overrides) {
      double[] v = {qps, p50, p95, p99, errorRate, rowsPerSecond};
      overrides.forEach((metric, value) -> {
        int i = METRICS.indexOf(metric);
        if (i < 0) {
          throw new IllegalArgumentException("threshold: metric must be one of " + METRICS + ", but was " + metric);
        }
        v[i] = value;
      });
      return new Thresholds(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    double of(String metric) {
      return new double[] {qps, p50, p95, p99, errorRate, rowsPerSecond}[METRICS.indexOf(metric)];
    }
  }

  /**
   * Compares runs. The first is the baseline.
   *
   * @param dirs the run directories, as given (for labels and error messages)
   * @param runs their results, in the same order
   * @param thresholds when a change is a regression
   * @param force compare runs of different simulations too
   * @return the comparison
   * @throws IllegalArgumentException for fewer than 2 or more than 5 runs, or different simulations without force
   */
  public static Comparison of(List<Path> dirs, List<RunResults> runs, Thresholds thresholds, boolean force) {
    if (runs.size() < MIN_RUNS || runs.size() > MAX_RUNS) {
      throw new IllegalArgumentException("compare: runs must be between " + MIN_RUNS + " and " + MAX_RUNS
          + ", but were " + runs.size());
    }
    for (int i = 1; i < runs.size(); i++) {
      if (!force && !runs.get(i).simulation().equals(runs.get(0).simulation())) {
        throw new IllegalArgumentException(dirs.get(i) + ": compared runs must be of one simulation, but it is "
            + runs.get(i).simulation() + " and " + dirs.get(0) + " is " + runs.get(0).simulation()
            + " (use --force to compare them anyway)");
      }
    }
    List<Run> labels = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      RunResults r = runs.get(i);
      labels.add(new Run(String.valueOf((char) ('A' + i)), dirs.get(i).toString(), r.simulation(), r.startedAt(),
          r.verdict()));
    }
    List<Delta> deltas = new ArrayList<>();
    Set<String> kinds = new TreeSet<>();
    runs.forEach(r -> r.kinds().forEach(k -> kinds.add(k.kind())));
    for (String kind : kinds) {
      RequestStats base = runs.get(0).kind(kind);
      for (int i = 1; i < runs.size(); i++) {
        RequestStats other = runs.get(i).kind(kind);
        for (String metric : Thresholds.METRICS) {
          deltas.add(delta(kind, metric, labels.get(i).label(), base, other, thresholds.of(metric)));
        }
      }
    }
    List<String> regressions = deltas.stream().filter(d -> REGRESSION.equals(d.status()))
        .map(d -> String.format(Locale.ROOT, "%s %s %s: %s -> %s (%+.1f%s, threshold %s%s)", d.run(), d.kind(),
            d.metric(), show(d.metric(), d.baseline()), show(d.metric(), d.value()), d.change(),
            d.metric().equals("errorRate") ? " points" : "%", fmt(thresholds.of(d.metric())),
            d.metric().equals("errorRate") ? " points" : "%"))
        .toList();
    return new Comparison(labels, thresholds, settings(runs), deltas, !regressions.isEmpty(), regressions);
  }

  private static Delta delta(String kind, String metric, String run, RequestStats base, RequestStats other,
      double threshold) {
    if (base == null || other == null) {
      return new Delta(kind, metric, run, base == null ? 0 : value(metric).applyAsDouble(base),
          other == null ? 0 : value(metric).applyAsDouble(other), 0, NOT_COMPARABLE);
    }
    double b = value(metric).applyAsDouble(base);
    double v = value(metric).applyAsDouble(other);
    boolean higherIsWorse = !metric.equals("qps") && !metric.equals("rowsPerSecond");
    double change;
    if (metric.equals("errorRate")) {
      change = (v - b) * 100;
    } else if (b == 0) {
      return new Delta(kind, metric, run, b, v, 0, v == 0 ? SAME : NOT_COMPARABLE);
    } else {
      change = (v - b) / b * 100;
    }
    change = Math.round(change * 100) / 100.0;
    double worse = higherIsWorse ? change : -change;
    String status = worse >= threshold ? REGRESSION : worse <= -threshold ? IMPROVEMENT : SAME;
    return new Delta(kind, metric, run, b, v, change, status);
  }

  private static ToDoubleFunction<RequestStats> value(String metric) {
    return switch (metric) {
      case "qps" -> RequestStats::throughput;
      case "p50" -> s -> s.responseMicros().p50();
      case "p95" -> s -> s.responseMicros().p95();
      case "p99" -> s -> s.responseMicros().p99();
      case "errorRate" -> RequestStats::errorRate;
      case "rowsPerSecond" -> RequestStats::rowsPerSecond;
      default -> throw new IllegalArgumentException("metric: must be one of " + Thresholds.METRICS + ", but was " + metric);
    };
  }

  private static List<Setting> settings(List<RunResults> runs) {
    List<Map<String, String>> each = runs.stream().map(RunReportPage::settings).toList();
    Set<String> keys = new LinkedHashSet<>();
    each.forEach(m -> keys.addAll(m.keySet()));
    List<Setting> out = new ArrayList<>();
    for (String key : keys) {
      List<String> values = each.stream().map(m -> String.valueOf(m.get(key))).toList();
      out.add(new Setting(key, values, values.stream().distinct().count() > 1));
    }
    return out;
  }

  private static String show(String metric, double v) {
    return switch (metric) {
      case "p50", "p95", "p99" -> String.format(Locale.ROOT, "%.3f ms", v / 1000);
      case "errorRate" -> String.format(Locale.ROOT, "%.3f%%", v * 100);
      case "qps" -> String.format(Locale.ROOT, "%.1f req/s", v);
      default -> String.format(Locale.ROOT, "%.1f rows/s", v);
    };
  }

  private static String fmt(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3f", v);
  }

  /**
   * @param kind a kind
   * @param metric a metric
   * @return the deltas of that kind and metric, in run order
   */
  public List<Delta> deltas(String kind, String metric) {
    return deltas.stream().filter(d -> d.kind().equals(kind) && d.metric().equals(metric)).toList();
  }

  /** @return the kinds compared, sorted */
  public List<String> kinds() {
    Map<String, Boolean> kinds = new LinkedHashMap<>();
    deltas.forEach(d -> kinds.put(d.kind(), true));
    return List.copyOf(new TreeSet<>(kinds.keySet()));
  }

  /** Requires non-null lists. */
  public Comparison {
    Objects.requireNonNull(runs);
    Objects.requireNonNull(deltas);
  }
}
