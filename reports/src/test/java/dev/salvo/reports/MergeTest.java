package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.internal.HistogramSet;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergeTest {
  @TempDir Path dir;

  @Test
  void addsHistogramsExactlyAndSumsCounts() {
    RunData w0 = TestRuns.run("Sim", 8, 1, 1, TestRuns.START, 0);
    RunData w1 = TestRuns.run("Sim", 8, 2, 0.5, TestRuns.START.plusMillis(40), 1);
    Path d0 = RunDirectory.write(dir.resolve("w0"), w0);
    Path d1 = RunDirectory.write(dir.resolve("w1"), w1);

    RunData merged = Merge.merge(List.of(d0, d1));
    RunResults m = merged.results();
    assertThat(m.environment().workerCount()).isEqualTo(2);
    assertThat(m.environment().mergedFrom()).containsExactly(d0.toString(), d1.toString());
    RequestStats point = m.kind("POINT_LOOKUP");
    assertThat(point.count()).isEqualTo(w0.results().kind("POINT_LOOKUP").count() + w1.results().kind("POINT_LOOKUP").count());
    assertThat(m.kind("RANGE_SCAN").ko()).isEqualTo(4);
    assertThat(m.kind("RANGE_SCAN").errors()).containsEntry("57014: canceling statement due to statement timeout", 4L);

    Histogram expected = new Histogram(3);
    expected.add(w0.requestTotals().get("order by id").get(HistogramSet.RESPONSE));
    expected.add(w1.requestTotals().get("order by id").get(HistogramSet.RESPONSE));
    assertThat(merged.requestTotals().get("order by id").get(HistogramSet.RESPONSE)).isEqualTo(expected);
    RequestStats byId = m.requests().stream().filter(r -> r.name().equals("order by id")).findFirst().orElseThrow();
    assertThat(byId.responseMicros()).isEqualTo(RunResults.Latency.ofNanos(expected));
  }

  @Test
  void alignsIntervalsOnCommonBuckets() {
    Path d0 = RunDirectory.write(dir.resolve("w0"), TestRuns.run("Sim", 8, 1, 1, TestRuns.START, 0));
    Path d1 = RunDirectory.write(dir.resolve("w1"), TestRuns.run("Sim", 8, 1, 1, TestRuns.START.plusMillis(40), 1));
    RunResults m = Merge.merge(List.of(d0, d1)).results();
    List<RunResults.TimelinePoint> t = m.timelines().get("POINT_LOOKUP");
    assertThat(t.stream().mapToLong(RunResults.TimelinePoint::count).sum()).isEqualTo(3000);
    assertThat(t).filteredOn(p -> p.count() > 0).hasSize(6).allSatisfy(p -> assertThat(p.count()).isEqualTo(500));
    assertThat(m.timelines().get("RANGE_SCAN").stream().mapToLong(RunResults.TimelinePoint::ko).sum()).isEqualTo(4);
  }

  @Test
  void writesAMergedRunThatReportsReadLikeAnyOther() {
    Path d0 = RunDirectory.write(dir.resolve("w0"), TestRuns.run("Sim", 8, 1, 1, TestRuns.START, 0));
    Path d1 = RunDirectory.write(dir.resolve("w1"), TestRuns.run("Sim", 8, 1, 1, TestRuns.START, 1));
    Path out = RunDirectory.write(dir.resolve("merged"), Merge.merge(List.of(d0, d1)));
    assertThat(RunDirectory.read(out).results().kind("RANGE_SCAN").count()).isEqualTo(2400);
    assertThat(out.resolve("index.html")).isRegularFile();
  }

  @Test
  void refusesWorkersOfDifferentSimulations() {
    Path d0 = RunDirectory.write(dir.resolve("w0"), TestRuns.run("Sim", 8, 1, 1));
    Path d1 = RunDirectory.write(dir.resolve("w1"), TestRuns.run("Other", 8, 1, 1));
    assertThatThrownBy(() -> Merge.merge(List.of(d0, d1)))
        .hasMessage(d1 + ": workers of one run must share a simulation, but it is Other and " + d0 + " is Sim");
  }

  @Test
  void rechecksSlosAgainstTheMergedPercentiles() {
    Histogram h = new Histogram(3);
    h.recordValueWithCount(150_000_000L, 100); // 150 ms
    RunResults.SloVerdict slo = new RunResults.SloVerdict(100_000.0, 200_000.0, 0.01, true, List.of());
    assertThat(Merge.recheck(slo, h, 100, 0).breaches()).singleElement().asString().startsWith("p95 150.")
        .endsWith(" ms > 100 ms");
  }
}
