package dev.salvo.cli;

import dev.salvo.reports.Comparison;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.Trend;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code salvo trend RUN_DIR... | BASELINES_DIR}: an offline page of up to 10 runs over time, with verdict markers. */
@Command(
        name = "trend",
        mixinStandardHelpOptions = true,
        description = {
            "Writes an offline page of up to 10 runs of one simulation over time (p50, p95, p99, throughput,"
                    + " errors per kind), each run marked against the one before it as compare would.",
            "Exit status: 0 written, 2 usage error, 4 unreadable input."
        })
final class TrendCommand implements Callable<Integer> {
    @Parameters(
            arity = "1..*",
            paramLabel = "DIR",
            description = "run directories, baselines, or a directory of baselines")
    List<Path> inputs;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            description = "where to write (default: target/salvo/trend-<timestamp>)")
    Path output;

    @CommandLine.Mixin
    VerdictOptions verdict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Comparison.Options options = verdict.options();
        List<Path> dirs;
        try {
            dirs = Trend.expand(inputs);
            for (Path d : dirs) {
                RunDirectory.read(d); // an unreadable input is 4; runs that cannot go together (Trend.of) are 2
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            return ExitCode.UNREADABLE_INPUT;
        }
        Trend trend = Trend.of(dirs, options);
        Path dir = output != null ? output : Path.of("target/salvo/trend-" + Stamps.format(Instant.now()));
        spec.commandLine().getOut().println(trend.write(dir).toAbsolutePath().normalize());
        return ExitCode.PASSED;
    }
}
