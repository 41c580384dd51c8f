package dev.salvo.cli;

import dev.salvo.sql.SalvoException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code salvo} command. Each feature adds its own command class in this package and one line to
 * {@code subcommands} below. Exit statuses: {@link ExitCode}.
 */
@Command(
        name = "salvo",
        mixinStandardHelpOptions = true,
        versionProvider = SalvoCommand.Version.class,
        description =
                "Load tests for SQL databases on Gatling: runs, workload repositories, reports, comparisons, merges.",
        footer = {
            "",
            "Exit status: 0 done/passed, 1 a check failed (SLO breach, regression),",
            "2 bad input (usage, configuration), 3 crashed,",
            "4 unreadable input (compare, baseline, trend)."
        },
        subcommands = {
            RunCommand.class,
            InitCommand.class,
            ReportCommand.class,
            CompareCommand.class,
            BaselineCommand.class,
            TrendCommand.class,
            MergeCommand.class,
            K8sCommand.class,
            CodegenCommand.class,
            SeedCommand.class,
            PatternCommand.class,
            CompletionCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class SalvoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the command line and exits with its status. The only place that exits the JVM.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the command line without exiting.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit status, one of {@link ExitCode}
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out).setErr(err);
        return cli.execute(args);
    }

    /**
     * The command tree with Salvo's error handling: a usage error is one line pointing at {@code --help} (status 2); bad
     * input found while running is one line {@code salvo <command>: <message>} (status 2); anything else is a crash
     * (status 3, with its stack trace).
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SalvoCommand());
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine line = e.getCommandLine();
            String command = line.getCommandSpec().qualifiedName();
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            line.getErr()
                    .println(command + ": the arguments must match '" + command + " --help', but "
                            + (why.isEmpty() ? why : Character.toLowerCase(why.charAt(0)) + why.substring(1)));
            return ExitCode.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            String command = line.getCommandSpec().qualifiedName();
            if (BadInput.is(e)) {
                line.getErr().println(command + ": " + e.getMessage());
                return ExitCode.BAD_INPUT;
            }
            line.getErr().println(command + ": crashed: " + e);
            e.printStackTrace(line.getErr());
            return ExitCode.CRASHED;
        });
        return cli;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.BAD_INPUT;
    }

    /** Which exceptions are the user's bad input (reported in one line) rather than a crash. */
    static final class BadInput {
        private BadInput() {}

        static boolean is(Exception e) {
            return e instanceof SalvoException
                    || e instanceof IllegalArgumentException
                    || e instanceof UncheckedIOException;
        }
    }

    /** Prints Salvo's version (from the jar's manifest). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = SalvoCommand.class.getPackage().getImplementationVersion();
            return new String[] {"salvo " + (v == null ? "dev" : v)};
        }
    }
}
