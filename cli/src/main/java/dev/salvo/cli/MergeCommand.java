package dev.salvo.cli;

import dev.salvo.reports.Merge;
import dev.salvo.reports.RunData;
import dev.salvo.reports.RunDirectory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code salvo merge RUN_DIR...}: merges the workers' run directories of one run. */
@Command(
        name = "merge",
        mixinStandardHelpOptions = true,
        description = "Merges the run directories of the workers of one run into one run directory (with its report).")
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "the workers' run directories")
    List<Path> runs;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            description = "the merged run directory, must not exist or be empty"
                    + " (default: target/salvo/<simulation>-merged-<timestamp>)")
    Path output;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        RunData merged = Merge.merge(runs);
        Path dir = output != null
                ? output
                : Path.of("target/salvo/" + merged.results().simulation() + "-merged-" + Stamps.format(Instant.now()));
        RunDirectory.write(dir, merged);
        spec.commandLine()
                .getOut()
                .println(dir.resolve(RunDirectory.INDEX_HTML).toAbsolutePath().normalize());
        return ExitCode.PASSED;
    }
}
