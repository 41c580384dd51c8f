package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.ms;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.GeneratorResults;
import dev.salvo.reports.RunResults;
import dev.salvo.reports.internal.Html.Chart;
import dev.salvo.reports.internal.Html.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The run report's parts about the load generator itself: hiccup warnings, hiccup chart and stall table. Internal. */
final class GeneratorSection {
    /** Id of the hiccup chart. */
    static final String CHART_ID = "chart-hiccups";

    private GeneratorSection() {}

    /**
     * @param r the run
     * @return the warnings under the verdict, empty when there are none
     */
    static String warnings(RunResults r) {
        if (r.generator() == null || r.generator().warnings().isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<div id=\"generator-warning\" class=\"verdict WARN\">Load generator:<ul>");
        r.generator().warnings().forEach(w -> b.append("<li>").append(esc(w)).append("</li>"));
        return b.append("</ul></div>\n").toString();
    }

    /**
     * @param r the run
     * @param t0 time zero of the charts, ms since the epoch
     * @return the hiccup chart (max and p99 per second, ms), or null when the run has no generator timing
     */
    static Chart chart(RunResults r, long t0) {
        if (r.generator() == null || r.generator().hiccupTimeline().stream().noneMatch(p -> p.endEpochMillis() > t0)) {
            return null;
        }
        List<double[]> max = new ArrayList<>();
        List<double[]> p99 = new ArrayList<>();
        List<double[]> late = new ArrayList<>();
        List<double[]> jit = new ArrayList<>();
        for (GeneratorResults.HiccupPoint p : r.generator().hiccupTimeline()) {
            if (p.endEpochMillis() <= t0) {
                continue; // before the measurement (the database starting, the warmup)
            }
            double x = Math.round((p.endEpochMillis() - t0) / 100.0) / 10.0;
            max.add(new double[] {x, Math.max(0.001, p.maxMicros() / 1000)});
            p99.add(new double[] {x, Math.max(0.001, p.p99Micros() / 1000)});
            if (p.lateCount() > 0) {
                late.add(new double[] {x, Math.max(0.001, p.lateP99Micros() / 1000)});
            }
            if (p.jitMillis() != null) {
                jit.add(new double[] {x, Math.max(0.001, p.jitMillis())});
            }
        }
        List<Series> series = new ArrayList<>(List.of(
                new Series("hiccup max", max, false, "#d62728"), new Series("hiccup p99", p99, true, "#d62728")));
        if (!late.isEmpty()) {
            series.add(new Series("lateness charged p99", late, false, "#1f77b4"));
        }
        if (!jit.isEmpty()) {
            series.add(new Series("JIT compiling", jit, true, "#7f7f7f"));
        }
        return new Chart(
                CHART_ID,
                "Load generator: hiccups max (solid) and p99 (dashed), lateness charged to requests"
                        + " p99 (blue), per second, ms; JIT compilation time in the second (grey, dashed), ms",
                "seconds since measurement start",
                "ms",
                true,
                null,
                series);
    }

    /**
     * @param r the run
     * @return the "Load generator" section, empty when the run has no generator timing
     */
    static String table(RunResults r) {
        GeneratorResults g = r.generator();
        if (g == null) {
            return "";
        }
        RunResults.Latency h = g.hiccupMicros();
        StringBuilder b = new StringBuilder("<h2>Load generator</h2>\n<table id=\"generator\" class=\"config\">");
        row(
                b,
                "intended start",
                g.intendedStart().equals("schedule")
                        ? "scheduled arrival (" + num(g.scheduledUsers(), 0) + " open-model users)"
                        : "when a user reaches the request");
        RunResults.Latency late = g.lateMicros();
        row(
                b,
                "lateness charged to requests p50 / p99 / max, ms",
                ms(late.p50()) + " / " + ms(late.p99()) + " / " + ms(late.max()));
        row(
                b,
                "hiccups p50 / p99 / p99.9 / max, ms",
                ms(h.p50()) + " / " + ms(h.p99()) + " / " + ms(h.p999()) + " / " + ms(h.max()));
        row(b, "stall time (hiccups ≥ 1 ms), ms", num(g.stallMillis(), 1));
        String jit = jit(g, Instant.parse(r.measurementStartedAt()).toEpochMilli());
        if (jit != null) {
            row(b, "JIT compilation in the measurement (all compiler threads), ms", jit);
        }
        for (GeneratorResults.Stall s : g.stalls()) {
            row(b, "stall at " + Instant.ofEpochMilli(s.startEpochMillis()), num(s.millis(), 1) + " ms");
        }
        return b.append("</table>\n").toString();
    }

    /**
     * @param g the generator's timing
     * @param t0 when the measurement started, ms since the epoch
     * @return the JIT's compilation time in the measurement, all and in its first seconds, or null when not recorded
     */
    static String jit(GeneratorResults g, long t0) {
        double[] jit = GeneratorVerdict.jitMillis(g, t0);
        return jit == null
                ? null
                : num(jit[0], 0) + " (" + num(jit[1], 0) + " in its first " + GeneratorVerdict.JIT_EARLY_SECONDS
                        + " s: compilation there is code the warmup did not settle, see docs/warmup-jit.md)";
    }

    private static void row(StringBuilder b, String key, String value) {
        b.append("<tr><td class=\"l\">")
                .append(esc(key))
                .append("</td><td class=\"l\">")
                .append(esc(value))
                .append("</td></tr>\n");
    }
}
