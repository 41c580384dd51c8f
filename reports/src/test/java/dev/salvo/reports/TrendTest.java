package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendTest {
    @TempDir
    Path dir;

    private Path run(int day, double slowdown) {
        return RunDirectory.write(
                dir.resolve("Sim-" + day),
                TestRuns.run("Sim", 8, slowdown, 1, TestRuns.START.plusSeconds(86400L * day), 0));
    }

    @Test
    void marksEachRunAgainstTheOneBeforeIt() {
        List<Path> runs = List.of(run(3, 1.5), run(1, 1), run(2, 1)); // given out of order
        Trend t = Trend.of(runs, Comparison.Options.DEFAULTS);
        assertThat(t.runs())
                .extracting(Comparison.Run::dir)
                .containsExactly(
                        dir.resolve("Sim-1").toString(),
                        dir.resolve("Sim-2").toString(),
                        dir.resolve("Sim-3").toString());
        Trend.Series p95 = t.series("POINT_LOOKUP", "p95");
        assertThat(p95.statuses()).containsExactly(null, Comparison.NO_SIGNIFICANT_CHANGE, Comparison.REGRESSION);
        assertThat(p95.values().get(2)).isGreaterThan(p95.values().get(1) * 1.4);
        assertThat(p95.pValues().get(2)).isLessThan(1e-6);
        assertThat(t.series("POINT_LOOKUP", "qps").statuses())
                .containsExactly(null, Comparison.NO_SIGNIFICANT_CHANGE, Comparison.NO_SIGNIFICANT_CHANGE);
    }

    @Test
    void keepsTheNewestTenRuns() {
        List<Path> runs = new ArrayList<>();
        for (int day = 1; day <= 12; day++) {
            runs.add(run(day, 1));
        }
        Trend t = Trend.of(runs, Comparison.Options.DEFAULTS);
        assertThat(t.runs()).hasSize(10);
        assertThat(t.skipped()).isEqualTo(2);
        assertThat(t.runs().get(0).dir()).isEqualTo(dir.resolve("Sim-3").toString());
    }

    @Test
    void readsADirectoryOfBaselines() throws Exception {
        Baselines.save(run(1, 1), "day1", dir.resolve("baselines"));
        Baselines.save(run(2, 2), "day2", dir.resolve("baselines"));
        List<Path> dirs = Trend.expand(List.of(dir.resolve("baselines")));
        assertThat(dirs).containsExactly(dir.resolve("baselines/Sim/day1"), dir.resolve("baselines/Sim/day2"));
        Trend t = Trend.of(dirs, Comparison.Options.DEFAULTS);
        assertThat(t.series("RANGE_SCAN", "p50").statuses()).containsExactly(null, Comparison.REGRESSION);
        Path page = t.write(dir.resolve("trend"));
        assertThat(Files.readString(page)).contains("Trend of Sim", "data-status=\"REGRESSION\"", "▲");
        assertThat(dir.resolve("trend/trend.json")).isRegularFile();
    }

    @Test
    void refusesMixedSimulationsAndInputsThatAreNotRuns() throws Exception {
        Path other = RunDirectory.write(dir.resolve("Other-1"), TestRuns.run("Other", 8, 1, 1));
        Path sim = run(1, 1);
        assertThatThrownBy(() -> Trend.of(List.of(sim, other), Comparison.Options.DEFAULTS))
                .hasMessage(
                        other + ": runs of a trend must be of one simulation, but it is Other and " + sim + " is Sim");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> Trend.expand(List.of(empty)))
                .hasMessage(empty
                        + ": a trend's input must be a run directory, a baseline or a directory of baselines, but it"
                        + " is none of these");
    }
}
