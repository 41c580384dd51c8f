package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendCommandTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private String run(int day, double slowdown) {
        return RunDirectory.write(
                        dir.resolve("Sim-" + day),
                        TestRuns.run("Sim", 8, slowdown, 1, TestRuns.START.plusSeconds(86_400L * day), 0))
                .toString();
    }

    @Test
    void writesAPageOfRunsAndOfBaselines() throws Exception {
        String one = run(1, 1);
        String two = run(2, 1.5);
        Path out = dir.resolve("trend");
        assertThat(cli.run("trend", "-o", out.toString(), two, one)).isZero();
        assertThat(cli.out()).isEqualTo(out.resolve("index.html").toAbsolutePath() + System.lineSeparator());
        assertThat(Files.readString(out.resolve("index.html"))).contains("Trend of Sim", "data-status=\"REGRESSION\"");
        assertThat(cli.run(
                        "baseline",
                        "save",
                        one,
                        "--name",
                        "day1",
                        "--baselines",
                        dir.resolve("b").toString()))
                .isZero();
        assertThat(cli.run(
                        "baseline",
                        "save",
                        two,
                        "--name",
                        "day2",
                        "--baselines",
                        dir.resolve("b").toString()))
                .isZero();
        assertThat(cli.run(
                        "trend",
                        "-o",
                        dir.resolve("trend2").toString(),
                        dir.resolve("b").toString()))
                .isZero();
        assertThat(Files.readString(dir.resolve("trend2/trend.json"))).contains("day1", "day2");
    }

    @Test
    void exitsWithFourForAnInputThatIsNotARunAndTwoForMixedSimulations() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThat(cli.run("trend", empty.toString())).isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo trend: " + empty + ": a trend's input must be a run directory, a baseline or"
                        + " a directory of baselines, but it is none of these" + System.lineSeparator());
        String sim = run(1, 1);
        String other = RunDirectory.write(dir.resolve("Other-1"), TestRuns.run("Other", 8, 1, 1))
                .toString();
        assertThat(cli.run("trend", "-o", dir.resolve("t").toString(), sim, other))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err()).contains("runs of a trend must be of one simulation");
    }

    @Test
    void marksTheControlKindAndJudgesTheOthersAgainstIt() throws Exception {
        String one = run(1, 1);
        String two = run(2, 1.5);
        Path out = dir.resolve("trend");
        assertThat(cli.run("trend", "--control", "RANGE_SCAN", "-o", out.toString(), one, two))
                .isZero();
        String page = Files.readString(out.resolve("index.html"));
        assertThat(page).contains("data-status=\"CONTROL\"").doesNotContain("data-status=\"REGRESSION\"");
        assertThat(cli.run("trend", "--control", "NOPE", "-o", dir.resolve("t").toString(), one, two))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo trend: --control: the control kind must be one of the kinds in every compared"
                        + " run (POINT_LOOKUP, RANGE_SCAN), but was NOPE" + System.lineSeparator());
    }
}
