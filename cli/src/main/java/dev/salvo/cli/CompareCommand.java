package dev.salvo.cli;

import dev.salvo.reports.Baselines;
import dev.salvo.reports.Comparison;
import dev.salvo.reports.ComparisonDirectory;
import dev.salvo.reports.RunData;
import dev.salvo.reports.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code salvo compare BASELINE RUN...} or {@code salvo compare --baseline NAME --latest SIMULATION}: verdicts per kind
 * and metric (threshold crossed and significant); exits with 1 on a regression, 4 when an input cannot be read.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compares 2 to 5 runs against the first (the baseline), or the newest run of a simulation against a"
                    + " committed baseline; writes index.html and comparison.json.",
            "A regression needs its threshold crossed and the change significant at level --alpha.",
            "Exit status: 0 no regression, 1 a regression, 2 usage error, 4 unreadable input."
        })
final class CompareCommand implements Callable<Integer> {
    @Parameters(arity = "0..5", paramLabel = "RUN_DIR", description = "baseline first, then up to 4 runs")
    List<Path> runs = new ArrayList<>();

    @Option(
            names = "--baseline",
            paramLabel = "NAME",
            description = "compare with the committed baseline <baselines>/<SIMULATION>/NAME (needs --latest)")
    String baseline;

    @Option(
            names = "--latest",
            paramLabel = "SIMULATION",
            description = "the newest run <results>/SIMULATION-<timestamp> (never a compare or merge directory)")
    String latest;

    @Option(
            names = "--baselines",
            paramLabel = "DIR",
            defaultValue = "baselines",
            description = "where baselines are kept (default: ${DEFAULT-VALUE})")
    Path baselines;

    @Option(
            names = "--results",
            paramLabel = "DIR",
            defaultValue = "target/salvo",
            description = "where runs are written (default: ${DEFAULT-VALUE})")
    Path results;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            description = "where to write (default: target/salvo/compare-<timestamp>)")
    Path output;

    @Option(names = "--force", description = "compare runs of different simulations")
    boolean force;

    @CommandLine.Mixin
    VerdictOptions verdict;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Comparison.Options options = verdict.options();
        List<Path> dirs = new ArrayList<>();
        if (baseline != null || latest != null) {
            if (baseline == null || latest == null || !runs.isEmpty()) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--baseline NAME and --latest SIMULATION must be"
                                + " given together and without RUN_DIR, but were "
                                + (baseline == null
                                        ? "--latest alone"
                                        : latest == null
                                                ? "--baseline alone"
                                                : "given with " + runs.size() + " RUN_DIR"));
            }
            dirs.add(Baselines.dir(baselines, latest, baseline));
        } else if (runs.size() < Comparison.MIN_RUNS) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "the runs (RUN_DIR) must be 2 to 5, or" + " --baseline NAME --latest SIMULATION, but were "
                            + runs.size());
        }
        List<RunData> data = new ArrayList<>();
        try {
            if (latest != null) {
                data.add(Baselines.read(dirs.get(0)));
                dirs.add(Baselines.latestRun(results, latest));
                data.add(RunDirectory.read(dirs.get(1)));
            } else {
                for (Path run : runs) {
                    dirs.add(run);
                    data.add(RunDirectory.read(run));
                }
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
            return ExitCode.UNREADABLE_INPUT;
        }
        Comparison c = Comparison.of(dirs, data, options, force);
        Path dir = output != null ? output : Path.of("target/salvo/compare-" + Stamps.format(Instant.now()));
        ComparisonDirectory.write(dir, c, data.stream().map(RunData::results).toList());
        PrintWriter out = spec.commandLine().getOut();
        out.println(dir.resolve(RunDirectory.INDEX_HTML).toAbsolutePath().normalize());
        c.controlLines().forEach(out::println);
        if (c.regression()) {
            c.regressions().forEach(r -> out.println("REGRESSION " + r));
            c.driftLines().forEach(out::println);
            return ExitCode.FAILED;
        }
        out.println("no significant regression beyond the thresholds");
        return ExitCode.PASSED;
    }
}
