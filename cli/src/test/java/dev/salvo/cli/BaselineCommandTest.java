package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.Baselines;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void savesARunAsANamedBaseline() {
        Path run = RunDirectory.write(dir.resolve("Sim-20260101000000000"), TestRuns.run("Sim", 8, 1, 1));
        Path baselines = dir.resolve("baselines");
        assertThat(cli.run("baseline", "save", run.toString(), "--name", "main", "--baselines", baselines.toString()))
                .isZero();
        assertThat(cli.out()).isEqualTo(baselines.resolve("Sim/main").toAbsolutePath() + System.lineSeparator());
        assertThat(Baselines.info(baselines.resolve("Sim/main")).source()).isEqualTo("Sim-20260101000000000");
    }

    @Test
    void exitsWithFourForAnUnreadableRunAndTwoForABadName() {
        Path missing = dir.resolve("missing");
        assertThat(cli.run("baseline", "save", missing.toString(), "--name", "main"))
                .isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo baseline save: " + missing + ": a Salvo run must be a directory, but it does"
                        + " not exist or is a file" + System.lineSeparator());
        assertThat(cli.run("baseline", "save", missing.toString(), "--name", "a/b"))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo baseline save: baseline name: must be 1-100 letters, digits, '.', '_' or '-'"
                        + " starting with a letter or digit, but was 'a/b'" + System.lineSeparator());
        assertThat(cli.run("baseline", "save", missing.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err()).contains("--name");
        assertThat(cli.run("baseline")).isEqualTo(ExitCode.BAD_INPUT);
    }
}
