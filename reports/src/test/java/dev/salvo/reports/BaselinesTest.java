package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesTest {
    @TempDir
    Path dir;

    private Path run(String name, RunData data) {
        return RunDirectory.write(dir.resolve("target/salvo").resolve(name), data);
    }

    @Test
    void savesACompactBaselineThatComparesLikeItsRun() throws Exception {
        Path run = run("Sim-20260101000000000", TestRuns.run("Sim", 8, 1, 1));
        Path saved = Baselines.save(run, "main", dir.resolve("baselines"));
        assertThat(saved).isEqualTo(dir.resolve("baselines/Sim/main"));
        try (Stream<Path> files = Files.walk(saved)) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(p -> saved.relativize(p).toString()))
                    .containsExactlyInAnyOrder(
                            "baseline.json",
                            "results.json",
                            "histograms/POINT_LOOKUP.hlog",
                            "histograms/RANGE_SCAN.hlog",
                            "histograms/requests.hlog");
        }
        // one interval instead of six: smaller than the run's log
        assertThat(Files.size(saved.resolve("histograms/POINT_LOOKUP.hlog")))
                .isLessThan(Files.size(run.resolve("histograms/POINT_LOOKUP.hlog")));
        Baselines.Info info = Baselines.info(saved);
        assertThat(info.formatVersion()).isEqualTo(Baselines.FORMAT_VERSION);
        assertThat(info.name()).isEqualTo("main");
        assertThat(info.source()).isEqualTo("Sim-20260101000000000");

        Comparison fromRun = Comparison.of(
                List.of(run, run),
                List.of(
                        RunDirectory.read(run),
                        RunDirectory.read(run(("Sim-20260101000000001"), TestRuns.run("Sim", 8, 1.5, 1)))),
                Comparison.Options.DEFAULTS,
                false);
        Comparison fromBaseline = Comparison.of(
                List.of(saved, run),
                List.of(Baselines.read(saved), RunDirectory.read(dir.resolve("target/salvo/Sim-20260101000000001"))),
                Comparison.Options.DEFAULTS,
                false);
        assertThat(fromBaseline.deltas())
                .usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(fromRun.deltas());
    }

    @Test
    void keepsASnowflakeRunsSnowflakeJsonForTheComparePagesCostTable() throws Exception {
        Path run = run("Sim-20260101000000000", TestRuns.run("Sim", 8, 1, 1));
        TestRuns.writeSnowflake(run, 1, 120, 2.0);
        Path saved = Baselines.save(run, "sf", dir.resolve("baselines"));
        assertThat(Files.readString(saved.resolve("snowflake.json")))
                .isEqualTo(Files.readString(run.resolve("snowflake.json")));
        assertThat(SnowflakeResults.read(saved).orElseThrow().cost().billedClusterSeconds())
                .isEqualTo(120);
    }

    @Test
    void replacesABaselineOfTheSameName() {
        Path first = run("Sim-20260101000000000", TestRuns.run("Sim", 8, 1, 1));
        Path second = run("Sim-20260102000000000", TestRuns.run("Sim", 16, 1, 1));
        Baselines.save(first, "main", dir.resolve("baselines"));
        Path saved = Baselines.save(second, "main", dir.resolve("baselines"));
        assertThat(Baselines.info(saved).source()).isEqualTo("Sim-20260102000000000");
        assertThat(Baselines.read(saved).results().database().poolSize()).isEqualTo(16);
        assertThat(dir.resolve("baselines/Sim").toFile().list()).containsExactly("main");
    }

    @Test
    void refusesABadNameAndAMissingBaselineInOneLine() {
        Path run = run("Sim-20260101000000000", TestRuns.run("Sim", 8, 1, 1));
        assertThatThrownBy(() -> Baselines.save(run, "../up", dir.resolve("baselines")))
                .hasMessage(
                        "baseline name: must be 1-100 letters, digits, '.', '_' or '-' starting with a letter or digit,"
                                + " but was '../up'");
        Path missing = dir.resolve("baselines/Sim/nope");
        assertThatThrownBy(() -> Baselines.read(missing))
                .hasMessage(missing
                        + ": a baseline must be a directory, but it does not exist (save one with 'salvo baseline"
                        + " save RUN_DIR --name NAME')");
    }

    @Test
    void rejectsABaselineOfAnUnknownVersion() throws Exception {
        Path saved = Baselines.save(
                run("Sim-20260101000000000", TestRuns.run("Sim", 8, 1, 1)), "main", dir.resolve("baselines"));
        Path json = saved.resolve("baseline.json");
        Files.writeString(
                json, Files.readString(json).replaceFirst("\"formatVersion\" ?: ?1", "\"formatVersion\" : 7"));
        assertThatThrownBy(() -> Baselines.read(saved)).hasMessage(json + ": formatVersion must be 1, but was 7");
    }

    @Test
    void findsTheNewestRunOfASimulationButNeverAComparisonOrAMerge() throws Exception {
        Path results = dir.resolve("target/salvo");
        run("Sim-20260101000000000", TestRuns.run("Sim", 8, 1, 1));
        Path newest = run("Sim-20260103000000000", TestRuns.run("Sim", 8, 1, 1));
        run("SimOther-20260105000000000", TestRuns.run("SimOther", 8, 1, 1));
        run("Sim-merged-20260106000000000", TestRuns.run("Sim", 8, 1, 1));
        Files.createDirectories(results.resolve("compare-20260107000000000"));
        Files.createDirectories(results.resolve("Sim-20260108000000000")); // still being written: no results.json
        assertThat(Baselines.latestRun(results, "Sim")).isEqualTo(newest);
        assertThatThrownBy(() -> Baselines.latestRun(results, "Nothing"))
                .hasMessage(
                        results + ": must hold a run of Nothing (Nothing-<timestamp>/results.json), but it holds none");
    }

    @Test
    void listsTheBaselinesOfADirectoryOldestRunFirst() {
        Path base = dir.resolve("baselines");
        Baselines.save(
                run("Sim-20260102000000000", TestRuns.run("Sim", 8, 1, 1, TestRuns.START.plusSeconds(86400), 0)),
                "b",
                base);
        Baselines.save(run("Sim-20260101000000000", TestRuns.run("Sim", 8, 1, 1)), "a", base);
        assertThat(Baselines.list(base)).containsExactly(base.resolve("Sim/a"), base.resolve("Sim/b"));
        assertThat(Baselines.list(base.resolve("Sim"))).hasSize(2);
    }
}
