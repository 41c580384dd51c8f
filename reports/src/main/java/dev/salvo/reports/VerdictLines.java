package dev.salvo.reports;

import dev.salvo.reports.Comparison.Delta;
import dev.salvo.reports.Comparison.Options;
import java.util.Locale;

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
                "%s %s %s: %s -> %s (%+.1f%s%s, threshold %s%s, p=%s, n=%d/%d)",
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
                d.baselineCount(),
                d.count());
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
