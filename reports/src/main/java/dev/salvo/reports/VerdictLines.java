package dev.salvo.reports;

import dev.salvo.reports.Comparison.Delta;
import dev.salvo.reports.Comparison.Options;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one-line text of a regression, as {@code salvo compare} prints it and {@link Comparison#regressions} holds it. */
final class VerdictLines {
    private VerdictLines() {}

    /**
     * @param d a regression
     * @param options the comparison's options (thresholds, control kind)
     * @return e.g. {@code B POINT_LOOKUP p95: 2.050 ms -> 2.700 ms (+31.7%, threshold 10%, p=<1e-6, n=2000/2000)}
     */
    static String regression(Delta d, Options options) {
        String unit = d.metric().equals("errorRate") ? " points" : "%";
        return String.format(
                Locale.ROOT,
                "%s %s %s: %s -> %s (%+.1f%s%s, threshold %s%s, p=%s%s, n=%d/%d)",
                d.run(),
                d.kind(),
                d.metric(),
                show(d.metric(), d.baseline()),
                show(d.metric(), d.value()),
                d.change(),
                unit,
                judgedHow(d, options),
                fmt(options.thresholds().of(d.metric())),
                unit,
                Comparison.pValue(d.pValue()),
                clustered(d),
                d.baselineCount(),
                d.count());
    }

    /**
     * @param d a verdict
     * @return e.g. {@code , clustered x2.9} when its p-value was widened for slow requests clustered in time, else empty
     */
    static String clustered(Delta d) {
        return d.clustering() == null ? "" : String.format(Locale.ROOT, ", clustered x%.1f", d.clustering());
    }

    /** What the change was judged on, when it is not the metric as measured. */
    private static String judgedHow(Delta d, Options options) {
        if (d.controlChange() != null) {
            return String.format(
                    Locale.ROOT,
                    " against control %s's %+.1f%%, measured %+.1f%%",
                    options.control(),
                    d.controlChange(),
                    d.measuredChange());
        }
        return d.measuredChange() == null
                ? ""
                : String.format(
                        Locale.ROOT, " in requests for the same offered load, req/s %+.1f%%", d.measuredChange());
    }

    /** See {@link Comparison#driftLines()}. */
    static List<String> drift(List<Comparison.Run> compared, List<Delta> deltas, double alpha) {
        List<String> lines = new ArrayList<>();
        for (Comparison.Run r : compared) {
            for (String metric : List.of("p50", "p95", "p99")) {
                List<Delta> each = deltas.stream()
                        .filter(d -> d.run().equals(r.label()) && d.metric().equals(metric))
                        .filter(d -> !Comparison.NOT_ENOUGH_DATA.equals(d.status())
                                && !Comparison.NOT_COMPARABLE.equals(d.status()))
                        .toList();
                if (each.size() >= 2
                        && each.stream().anyMatch(d -> Comparison.REGRESSION.equals(d.status()))
                        && alike(each, alpha)) {
                    lines.add(r.label() + ": every kind's " + metric + " moved alike ("
                            + each.stream()
                                    .map(d -> String.format(Locale.ROOT, "%s %+.1f%%", d.kind(), d.change()))
                                    .collect(Collectors.joining(", "))
                            + "), as the machine changing between the runs does; if one kind's path did not change,"
                            + " --control KIND judges the others against it");
                    break;
                }
            }
        }
        return lines;
    }

    /** Every change significant, the same way, the smallest at least half the largest. */
    private static boolean alike(List<Delta> each, double alpha) {
        double smallest =
                each.stream().mapToDouble(d -> Math.abs(d.change())).min().orElse(0);
        double largest =
                each.stream().mapToDouble(d -> Math.abs(d.change())).max().orElse(0);
        long up = each.stream().filter(d -> d.change() > 0).count();
        return each.stream().allMatch(d -> d.pValue() != null && d.pValue() < alpha)
                && (up == 0 || up == each.size())
                && smallest > 0
                && smallest >= largest / 2;
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
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? String.valueOf((long) v)
                : String.format(Locale.ROOT, "%.3f", v);
    }
}
