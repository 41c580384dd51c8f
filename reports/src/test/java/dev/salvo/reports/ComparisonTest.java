package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final List<Path> DIRS = List.of(Path.of("a"), Path.of("b"), Path.of("c"));

  @Test
  void marksASlowdownAsARegression() {
    RunResults base = TestRuns.run("Sim", 8, 1, 1).results();
    RunResults slow = TestRuns.run("Sim", 8, 1.5, 1).results();
    Comparison c = Comparison.of(DIRS.subList(0, 2), List.of(base, slow), Comparison.Thresholds.DEFAULTS, false);
    assertThat(c.regression()).isTrue();
    assertThat(c.deltas("POINT_LOOKUP", "p95")).singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo(Comparison.REGRESSION))
        .satisfies(d -> assertThat(d.change()).isBetween(45.0, 55.0));
    assertThat(c.deltas("POINT_LOOKUP", "qps").get(0).status()).isEqualTo(Comparison.SAME);
    assertThat(c.regressions()).anySatisfy(r -> assertThat(r).startsWith("B POINT_LOOKUP p95: "));
  }

  @Test
  void marksMoreThroughputAsAnImprovementAndLessAsARegression() {
    RunResults base = TestRuns.run("Sim", 8, 1, 1).results();
    Comparison c = Comparison.of(DIRS, List.of(base, TestRuns.run("Sim", 16, 1, 1.2).results(),
        TestRuns.run("Sim", 4, 1, 0.8).results()), Comparison.Thresholds.DEFAULTS, false);
    List<Comparison.Delta> qps = c.deltas("RANGE_SCAN", "qps");
    assertThat(qps).extracting(Comparison.Delta::run).containsExactly("B", "C");
    assertThat(qps).extracting(Comparison.Delta::status).containsExactly(Comparison.IMPROVEMENT, Comparison.REGRESSION);
    assertThat(c.config()).filteredOn(Comparison.Setting::differs).extracting(Comparison.Setting::key)
        .contains("database.poolSize", "pool.size").doesNotContain("simulation");
  }

  @Test
  void appliesConfiguredThresholds() {
    RunResults base = TestRuns.run("Sim", 8, 1, 1).results();
    RunResults slow = TestRuns.run("Sim", 8, 1.5, 1).results();
    Comparison.Thresholds loose = Comparison.Thresholds.DEFAULTS.with(Map.of("p50", 80.0, "p95", 80.0, "p99", 80.0));
    assertThat(Comparison.of(DIRS.subList(0, 2), List.of(base, slow), loose, false).regression()).isFalse();
  }

  @Test
  void rejectsUnknownOrNonPositiveThresholds() {
    assertThatThrownBy(() -> Comparison.Thresholds.DEFAULTS.with(Map.of("p42", 1.0)))
        .hasMessage("threshold: metric must be one of [qps, p50, p95, p99, errorRate, rowsPerSecond], but was p42");
    assertThatThrownBy(() -> Comparison.Thresholds.DEFAULTS.with(Map.of("p95", -5.0)))
        .hasMessage("threshold p95: must be a positive number, but was -5.0");
  }

  @Test
  void refusesDifferentSimulationsWithoutForce() {
    RunResults a = TestRuns.run("Sim", 8, 1, 1).results();
    RunResults b = TestRuns.run("Other", 8, 1, 1).results();
    assertThatThrownBy(() -> Comparison.of(DIRS.subList(0, 2), List.of(a, b), Comparison.Thresholds.DEFAULTS, false))
        .hasMessage("b: compared runs must be of one simulation, but it is Other and a is Sim"
            + " (use --force to compare them anyway)");
    assertThat(Comparison.of(DIRS.subList(0, 2), List.of(a, b), Comparison.Thresholds.DEFAULTS, true).runs()).hasSize(2);
  }

  @Test
  void comparesTwoToFiveRuns() {
    RunResults a = TestRuns.run("Sim", 8, 1, 1).results();
    assertThatThrownBy(() -> Comparison.of(DIRS.subList(0, 1), List.of(a), Comparison.Thresholds.DEFAULTS, false))
        .hasMessage("compare: runs must be between 2 and 5, but were 1");
  }
}
