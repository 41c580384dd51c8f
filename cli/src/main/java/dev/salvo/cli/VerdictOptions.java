package dev.salvo.cli;

import dev.salvo.reports.Comparison;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options that decide a verdict, shared by {@code salvo compare} and {@code salvo trend} (a picocli mixin). */
final class VerdictOptions {
    @Option(
            names = {"-t", "--threshold"},
            paramLabel = "METRIC=VALUE",
            split = ",",
            description = {
                "regression thresholds; metrics: qps, rowsPerSecond (drop, %%), p50, p95, p99 (rise, %%),"
                        + " errorRate (rise, percentage points).",
                "Defaults: qps=10,p50=10,p95=10,p99=10,errorRate=1,rowsPerSecond=10"
            })
    Map<String, Double> thresholds = Map.of();

    @Option(
            names = "--alpha",
            paramLabel = "LEVEL",
            defaultValue = "0.01",
            description = "significance level of each two-sided test (default: ${DEFAULT-VALUE})")
    double alpha;

    @Option(
            names = "--min-samples",
            paramLabel = "N",
            defaultValue = "100",
            description =
                    "fewest requests per run and kind for a verdict, else NOT_ENOUGH_DATA (default: ${DEFAULT-VALUE})")
    long minSamples;

    @Option(
            names = "--control",
            paramLabel = "KIND",
            description = {
                "judge every other kind's p50/p95/p99 change against this kind's change in the same two runs"
                        + " (drift of the machine that moves every kind alike cancels); this kind's latencies are not judged.",
                "Use a kind your change does not touch, on the same path as the others (see docs/reports.md)."
            })
    String control;

    /** @return the comparison options these settings give */
    Comparison.Options options() {
        return new Comparison.Options(Comparison.Thresholds.DEFAULTS.with(thresholds), alpha, minSamples, control);
    }
}
