package dev.salvo.cli;

import dev.salvo.reports.RunDirectory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code salvo report RUN_DIR...}: checks run directories and rewrites their {@code index.html}. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Checks run directories and (re)writes their index.html report.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "run directories (with results.json)")
    List<Path> runs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (Path run : runs) {
            spec.commandLine()
                    .getOut()
                    .println(RunDirectory.report(run).toAbsolutePath().normalize());
        }
        return ExitCode.PASSED;
    }
}
