package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.reports.RunData;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    private String run(RunData data, String name) {
        return RunDirectory.write(dir.resolve(name), data).toString();
    }

    @Test
    void comparesAndExitsWithOneOnARegression() throws Exception {
        String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        String b = run(TestRuns.run("Sim", 16, 1, 1), "b");
        String slow = run(TestRuns.run("Sim", 8, 3, 1), "slow");
        Path cmp = dir.resolve("cmp");
        assertThat(cli.run("compare", "-o", cmp.toString(), a, b)).isZero();
        assertThat(cli.out())
                .isEqualTo(cmp.resolve("index.html").toAbsolutePath() + System.lineSeparator()
                        + "no significant regression beyond the thresholds" + System.lineSeparator());
        assertThat(cli.run("compare", "-o", cmp.toString(), a, b, slow)).isEqualTo(ExitCode.FAILED);
        assertThat(cli.out()).contains("REGRESSION C POINT_LOOKUP p95");
        JsonNode json =
                new ObjectMapper().readTree(cmp.resolve("comparison.json").toFile());
        assertThat(json.get("regression").asBoolean()).isTrue();
    }

    @Test
    void takesThresholdsFromTheCommandLine() {
        String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        String slow = run(TestRuns.run("Sim", 8, 1.5, 1), "slow");
        assertThat(cli.run("compare", "-o", dir.resolve("cmp0").toString(), a, slow))
                .isEqualTo(ExitCode.FAILED);
        assertThat(cli.run(
                        "compare",
                        "-o",
                        dir.resolve("cmp").toString(),
                        "-t",
                        "p50=90,p95=90",
                        "--threshold",
                        "p99=90",
                        a,
                        slow))
                .isZero();
    }

    @Test
    void refusesRunsOfDifferentSimulationsUnlessForced() {
        String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        String other = run(TestRuns.run("Other", 8, 1, 1), "other");
        assertThat(cli.run("compare", "-o", dir.resolve("cmp").toString(), a, other))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo compare: " + other + ": compared runs must be of one simulation, but it"
                        + " is Other and " + a + " is Sim (use --force to compare them anyway)"
                        + System.lineSeparator());
        assertThat(dir.resolve("cmp")).doesNotExist();
        assertThat(cli.run("compare", "--force", "-o", dir.resolve("cmp").toString(), a, other))
                .isZero();
    }

    @Test
    void comparesTheNewestRunOfASimulationWithACommittedBaseline() throws Exception {
        Path results = dir.resolve("target/salvo");
        Path old = RunDirectory.write(results.resolve("Sim-20260101000000000"), TestRuns.run("Sim", 8, 1, 1));
        assertThat(cli.run(
                        "baseline",
                        "save",
                        old.toString(),
                        "--name",
                        "main",
                        "--baselines",
                        dir.resolve("baselines").toString()))
                .isZero();
        RunDirectory.write(results.resolve("Sim-20260102000000000"), TestRuns.run("Sim", 8, 1.5, 1));
        RunDirectory.write(results.resolve("Sim-merged-20260103000000000"), TestRuns.run("Sim", 8, 1, 1));
        String[] args = {
            "compare",
            "--baseline",
            "main",
            "--latest",
            "Sim",
            "--baselines",
            dir.resolve("baselines").toString(),
            "--results",
            results.toString(),
            "-o",
            dir.resolve("cmp").toString()
        };
        assertThat(cli.run(args)).isEqualTo(ExitCode.FAILED);
        assertThat(cli.out()).contains("REGRESSION B POINT_LOOKUP p95: ");
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("cmp/comparison.json").toFile());
        assertThat(json.get("runs").get(0).get("dir").asText())
                .isEqualTo(dir.resolve("baselines/Sim/main").toString());
        assertThat(json.get("runs").get(1).get("dir").asText())
                .isEqualTo(results.resolve("Sim-20260102000000000").toString());
        RunDirectory.write(results.resolve("Sim-20260104000000000"), TestRuns.run("Sim", 8, 1, 1));
        assertThat(cli.run(args)).isZero();
    }

    @Test
    void exitsWithFourWhenAnInputCannotBeRead() throws Exception {
        String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        Path missing = dir.resolve("missing");
        assertThat(cli.run("compare", "-o", dir.resolve("cmp").toString(), a, missing.toString()))
                .isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo compare: " + missing + ": a Salvo run must be a directory, but it does not"
                        + " exist or is a file" + System.lineSeparator());
        assertThat(cli.run(
                        "compare",
                        "--baseline",
                        "main",
                        "--latest",
                        "Sim",
                        "--baselines",
                        dir.resolve("none").toString(),
                        "--results",
                        dir.toString()))
                .isEqualTo(ExitCode.UNREADABLE_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo compare: " + dir.resolve("none/Sim/main") + ": a baseline must be a"
                        + " directory, but it does not exist (save one with 'salvo baseline save RUN_DIR --name NAME')"
                        + System.lineSeparator());
        assertThat(dir.resolve("cmp")).doesNotExist();
    }

    @Test
    void treatsAMisusedBaselineOptionAsAUsageError() {
        assertThat(cli.run("compare", "--baseline", "main")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo compare: the arguments must match 'salvo compare --help', but --baseline"
                        + " NAME and --latest SIMULATION must be given together and without RUN_DIR, but were --baseline alone"
                        + System.lineSeparator());
        assertThat(cli.run("compare", "--alpha", "2", "a", "b")).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo compare: alpha: must be a number in (0, 0.5], but was 2.0" + System.lineSeparator());
    }

    @Test
    void takesTheSignificanceLevelAndMinimumSampleSize() throws Exception {
        String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        String slow = run(TestRuns.run("Sim", 8, 1.5, 1), "slow");
        assertThat(cli.run("compare", "-o", dir.resolve("cmp").toString(), "--min-samples", "100000", a, slow))
                .isZero();
        JsonNode json =
                new ObjectMapper().readTree(dir.resolve("cmp/comparison.json").toFile());
        assertThat(json.get("minSamples").asLong()).isEqualTo(100000);
        assertThat(json.get("deltas").get(0).get("status").asText()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(cli.run("compare", "-o", dir.resolve("cmp").toString(), "--alpha", "0.05", a, slow))
                .isEqualTo(ExitCode.FAILED);
    }

    @Test
    void judgesLatenciesAgainstAControlKindAndSaysSo() throws Exception {
        // every kind 50% slower in B, as a busier machine would make it: a regression as measured, none against the
        // control
        // (+49.9% at p50: the histogram's 3-digit buckets)
        String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        String slower = run(TestRuns.run("Sim", 8, 1.5, 1), "slower");
        assertThat(cli.run("compare", "-o", dir.resolve("raw").toString(), a, slower))
                .isEqualTo(ExitCode.FAILED);
        Path cmp = dir.resolve("cmp");
        assertThat(cli.run("compare", "--control", "RANGE_SCAN", "-o", cmp.toString(), a, slower))
                .isZero();
        assertThat(cli.out())
                .isEqualTo(cmp.resolve("index.html").toAbsolutePath() + System.lineSeparator()
                        + "B: control RANGE_SCAN p50 +49.9%, p95 +50.0%, p99 +50.0% (taken as the machine's drift: the other kinds'"
                        + " latencies are judged against it)" + System.lineSeparator()
                        + "no significant regression beyond the thresholds" + System.lineSeparator());
        JsonNode json =
                new ObjectMapper().readTree(cmp.resolve("comparison.json").toFile());
        assertThat(json.get("control").asText()).isEqualTo("RANGE_SCAN");
        assertThat(java.nio.file.Files.readString(cmp.resolve("index.html")))
                .contains("Control kind <b>RANGE_SCAN</b>");
    }

    @Test
    void refusesAControlKindThatIsNotInEveryRun() {
        String a = run(TestRuns.run("Sim", 8, 1, 1), "a");
        String b = run(TestRuns.run("Sim", 8, 1, 1), "b");
        assertThat(cli.run(
                        "compare",
                        "--control",
                        "AGGREGATION",
                        "-o",
                        dir.resolve("cmp").toString(),
                        a,
                        b))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err())
                .isEqualTo("salvo compare: --control: the control kind must be one of the kinds in every"
                        + " compared run (POINT_LOOKUP, RANGE_SCAN), but was AGGREGATION" + System.lineSeparator());
        assertThat(dir.resolve("cmp")).doesNotExist();
    }
}
