package dev.salvo.cli;

import dev.salvo.reports.Baselines;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code salvo baseline save RUN_DIR --name NAME}: keeps a compact copy of a run to commit and compare against. */
@Command(
        name = "baseline",
        mixinStandardHelpOptions = true,
        description = "Baselines kept in git: baselines/<simulation>/<name>/, what compare needs and nothing more.",
        subcommands = {BaselineCommand.Save.class})
final class BaselineCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand must be given (save), but none was");
    }

    /** {@code salvo baseline save}. */
    @Command(
            name = "save",
            mixinStandardHelpOptions = true,
            description = {
                "Saves a run as the baseline <baselines>/<simulation>/NAME/, replacing one of that name.",
                "Exit status: 0 saved, 2 usage error, 4 unreadable run."
            })
    static final class Save implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "RUN_DIR", description = "the run directory to keep")
        Path run;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "e.g. main")
        String name;

        @Option(
                names = "--baselines",
                paramLabel = "DIR",
                defaultValue = "baselines",
                description = "where baselines are kept (default: ${DEFAULT-VALUE})")
        Path baselines;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Baselines.dir(baselines, "x", name); // a bad name is a usage error (2), before the run is read
            Path saved;
            try {
                dev.salvo.reports.RunDirectory.read(run);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
                return ExitCode.UNREADABLE_INPUT;
            }
            saved = Baselines.save(run, name, baselines);
            spec.commandLine().getOut().println(saved.toAbsolutePath().normalize());
            return ExitCode.PASSED;
        }
    }
}
