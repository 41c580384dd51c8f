package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class SalvoCommandTest {
    private final Cli cli = new Cli();

    /** Every command of the tree (including the ones other features add), by its name below {@code salvo}. */
    private static List<List<String>> commands(CommandLine line, List<String> path, List<List<String>> into) {
        for (CommandLine sub : line.getSubcommands().values()) {
            List<String> p = new ArrayList<>(path);
            p.add(sub.getCommandName());
            if (!into.contains(p)) {
                into.add(p);
                commands(sub, p, into);
            }
        }
        return into;
    }

    @Test
    void hasHelpOnEveryCommand() {
        List<List<String>> all = commands(SalvoCommand.commandLine(), List.of(), new ArrayList<>());
        assertThat(all)
                .extracting(p -> String.join(" ", p))
                .contains("report", "compare", "baseline", "baseline save", "trend", "merge", "completion", "help");
        for (List<String> command : all) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            assertThat(cli.run(args.toArray(String[]::new)))
                    .as("salvo %s --help", command)
                    .isZero();
            assertThat(cli.out())
                    .as("salvo %s --help", command)
                    .contains("Usage: salvo " + String.join(" ", command) + " ");
            assertThat(cli.err()).isEmpty();
        }
    }

    @Test
    void listsEveryCommandInItsHelp() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.out())
                .startsWith("Usage: salvo")
                .contains(
                        "report",
                        "compare",
                        "baseline",
                        "trend",
                        "merge",
                        "completion",
                        "Exit status: 0 done/passed, 1 a check failed (SLO breach, regression),",
                        "2 bad input (usage, configuration), 3 crashed,",
                        "4 unreadable input (compare, baseline, trend).");
    }

    @Test
    void printsItsVersion() {
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.out()).matches("salvo \\S+\\R");
    }

    @Test
    void refusesAnUnknownCommandInOneLineWithStatusTwo() {
        assertThat(cli.run("publish", "x")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo: the arguments must match 'salvo --help', but unmatched arguments from"
                        + " index 0: 'publish', 'x'" + System.lineSeparator());
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void refusesAnUnknownOptionOfASubcommandInOneLine() {
        assertThat(cli.run("report", "--colour", "x")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo report: the arguments must match 'salvo report --help', but unknown"
                        + " option: '--colour'" + System.lineSeparator());
    }

    @Test
    void showsTheUsageOnStandardErrorWithoutACommand() {
        assertThat(cli.run()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err()).startsWith("Usage: salvo");
        assertThat(cli.out()).isEmpty();
    }

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Command(name = "bad")
    static final class Bad implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalArgumentException("x.yaml: users must be positive, but was -1");
        }
    }

    @Test
    void reportsACrashWithStatusThreeAndItsStackTrace() {
        CommandLine line = SalvoCommand.commandLine().addSubcommand(new Boom());
        assertThat(cli.run(line, "boom")).isEqualTo(ExitCode.CRASHED);
        assertThat(cli.err())
                .startsWith("salvo boom: crashed: java.lang.IllegalStateException: a bug")
                .contains("\tat dev.salvo.cli.SalvoCommandTest$Boom.call");
    }

    @Test
    void reportsBadInputFoundWhileRunningInOneLineWithStatusTwo() {
        CommandLine line = SalvoCommand.commandLine().addSubcommand(new Bad());
        assertThat(cli.run(line, "bad")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo bad: x.yaml: users must be positive, but was -1" + System.lineSeparator());
    }
}
