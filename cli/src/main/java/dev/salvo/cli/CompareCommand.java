package dev.salvo.cli;

import dev.salvo.reports.Comparison;
import dev.salvo.reports.ComparisonDirectory;
import dev.salvo.reports.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code salvo compare BASELINE RUN...}: compares runs; exits with 1 on a regression. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compares 2 to 5 runs against the first (the baseline); writes index.html and comparison.json.",
        "Exits with 1 when a metric regressed beyond its threshold, so CI can gate on it."})
final class CompareCommand implements Callable<Integer> {
  @Parameters(arity = "2..5", paramLabel = "RUN_DIR", description = "baseline first, then up to 4 runs")
  List<Path> runs;
  @Option(names = {"-o", "--output"}, paramLabel = "DIR",
      description = "where to write (default: target/salvo/compare-<timestamp>)")
  Path output;
  @Option(names = {"-t", "--threshold"}, paramLabel = "METRIC=VALUE", split = ",",
      description = {"regression thresholds; metrics: qps, rowsPerSecond (drop, %%), p50, p95, p99 (rise, %%),"
          + " errorRate (rise, percentage points).", "Defaults: qps=10,p50=20,p95=20,p99=20,errorRate=1,rowsPerSecond=10"})
  Map<String, Double> thresholds = Map.of();
  @Option(names = "--force", description = "compare runs of different simulations")
  boolean force;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Comparison.Thresholds t = Comparison.Thresholds.DEFAULTS.with(thresholds);
    Path dir = output != null ? output : Path.of("target/salvo/compare-" + Stamps.format(Instant.now()));
    Comparison c = ComparisonDirectory.compare(dir, runs, t, force);
    PrintWriter out = spec.commandLine().getOut();
    out.println(dir.resolve(RunDirectory.INDEX_HTML).toAbsolutePath().normalize());
    if (c.regression()) {
      c.regressions().forEach(r -> out.println("REGRESSION " + r));
      return ExitCode.FAILED;
    }
    out.println("no regression beyond the thresholds");
    return ExitCode.PASSED;
  }
}
