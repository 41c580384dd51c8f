package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeCommandTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void mergesWorkersIntoANewRunDirectory() {
        String w0 = RunDirectory.write(dir.resolve("w0"), TestRuns.run("Sim", 8, 1, 1))
                .toString();
        String w1 = RunDirectory.write(dir.resolve("w1"), TestRuns.run("Sim", 8, 1, 1))
                .toString();
        Path merged = dir.resolve("merged");
        assertThat(cli.run("merge", "-o", merged.toString(), w0, w1)).isZero();
        assertThat(cli.out()).isEqualTo(merged.resolve("index.html").toAbsolutePath() + System.lineSeparator());
        assertThat(RunDirectory.read(merged).results().environment().workerCount())
                .isEqualTo(2);
        assertThat(cli.run("merge", "-o", merged.toString(), w0, w1)).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo merge: " + merged + ": an output directory must not exist or be empty, but"
                        + " it holds files" + System.lineSeparator());
    }
}
