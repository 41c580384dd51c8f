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

    @Test
    void waitsForEveryWorkersResultsBelowTheRunsDirectoryThenMergesThem() throws Exception {
        Path root = dir.resolve("r1");
        RunDirectory.write(root.resolve("worker-0/Sim-1"), TestRuns.worker("Sim", "r1", 0, 2));
        Thread late = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            RunDirectory.write(root.resolve("worker-1/Sim-2"), TestRuns.worker("Sim", "r1", 1, 2));
        });
        late.start();
        Path merged = dir.resolve("merged");
        // as the merge Job calls it: no shell, no glob
        assertThat(cli.run(
                        "merge",
                        "--wait-for",
                        "2",
                        "--timeout",
                        "2m",
                        "--poll",
                        "50ms",
                        "-o",
                        merged.toString(),
                        root.toString()))
                .as(cli.err())
                .isZero();
        late.join();
        assertThat(RunDirectory.read(merged).results().environment().workerCount())
                .isEqualTo(2);
    }

    @Test
    void aWorkerWhoseResultsNeverAppearIsNamedWithStatus4WhenTheTimeoutPasses() {
        Path root = dir.resolve("r1");
        RunDirectory.write(root.resolve("worker-0/Sim-1"), TestRuns.worker("Sim", "r1", 0, 3));
        RunDirectory.write(root.resolve("worker-2/Sim-1"), TestRuns.worker("Sim", "r1", 2, 3));
        assertThat(cli.run("merge", "--wait-for", "3", "--timeout", "1s", "--poll", "100ms", root.toString()))
                .isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo merge: --wait-for 3: the results of all 3 workers must be complete in " + root
                        + " within 1s, but worker 1 is missing" + System.lineSeparator());
    }

    @Test
    void refusesATimeoutThatIsNotADuration() {
        assertThat(cli.run("merge", "--wait-for", "3", "--timeout", "soon", dir.toString()))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .startsWith("salvo merge: the arguments must match 'salvo merge --help', but ")
                .contains("must be a duration such as 90s, 30m, 24h, 2d or PT24H, but was 'soon'");
    }
}
