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
    @TempDir
    Path dir;

    @Test
    void poolsTheWorkersClusteringIntervalByInterval() {
        RunData w0 = ClusterCorrectionTest.run(1, 1, true, 4);
        RunData w1 = ClusterCorrectionTest.run(2, 1, true, 9);
        RunResults m = Merge.merge(
                        List.of(RunDirectory.write(dir.resolve("w0"), w0), RunDirectory.write(dir.resolve("w1"), w1)))
                .results();
        Clustering pooled = w0.results()
                .kind("AGGREGATION")
                .clustering()
                .plus(w1.results().kind("AGGREGATION").clustering());
        assertThat(m.kind("AGGREGATION").clustering()).isEqualTo(pooled);
        assertThat(pooled.requests()).hasSize(30).containsOnly(400);
    }

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
        assertThat(point.count())
                .isEqualTo(w0.results().kind("POINT_LOOKUP").count()
                        + w1.results().kind("POINT_LOOKUP").count());
        assertThat(m.kind("RANGE_SCAN").ko()).isEqualTo(4);
        assertThat(m.kind("RANGE_SCAN").errors())
                .containsEntry("57014: canceling statement due to statement timeout", 4L);

        Histogram expected = new Histogram(3);
        expected.add(w0.requestTotals().get("order by id").get(HistogramSet.RESPONSE));
        expected.add(w1.requestTotals().get("order by id").get(HistogramSet.RESPONSE));
        assertThat(merged.requestTotals().get("order by id").get(HistogramSet.RESPONSE))
                .isEqualTo(expected);
        RequestStats byId = m.requests().stream()
                .filter(r -> r.name().equals("order by id"))
                .findFirst()
                .orElseThrow();
        assertThat(byId.responseMicros()).isEqualTo(RunResults.Latency.ofNanos(expected));
    }

    @Test
    void alignsIntervalsOnCommonBuckets() {
        Path d0 = RunDirectory.write(dir.resolve("w0"), TestRuns.run("Sim", 8, 1, 1, TestRuns.START, 0));
        Path d1 = RunDirectory.write(dir.resolve("w1"), TestRuns.run("Sim", 8, 1, 1, TestRuns.START.plusMillis(40), 1));
        RunResults m = Merge.merge(List.of(d0, d1)).results();
        List<TimelinePoint> t = m.timelines().get("POINT_LOOKUP");
        assertThat(t.stream().mapToLong(TimelinePoint::count).sum()).isEqualTo(3000);
        assertThat(t)
                .filteredOn(p -> p.count() > 0)
                .hasSize(6)
                .allSatisfy(p -> assertThat(p.count()).isEqualTo(500));
        assertThat(m.timelines().get("RANGE_SCAN").stream()
                        .mapToLong(TimelinePoint::ko)
                        .sum())
                .isEqualTo(4);
    }

    @Test
    void measuresTheWorkersWindowSoThatTheTotalRateIsTheSumOfTheirs() {
        // both workers measured the same 60 s (from 5 s after their JVMs started, as after a start barrier); intervals
        // of
        // 10 s: buckets counted from the JVMs' start and rounded up stretched the merged window to 65 s (34.6 req/s
        // shown
        // for workers summing 37.5)
        RunData w0 = TestRuns.run("Sim", 8, 1, 1, TestRuns.START, 0);
        RunData w1 = TestRuns.run("Sim", 8, 2, 0.5, TestRuns.START, 1);
        Path d0 = RunDirectory.write(dir.resolve("w0"), w0);
        Path d1 = RunDirectory.write(dir.resolve("w1"), w1);
        RunResults m = Merge.merge(List.of(d0, d1)).results();
        assertThat(m.measurementSeconds())
                .isEqualTo(w0.results().measurementSeconds())
                .isEqualTo(w1.results().measurementSeconds())
                .isEqualTo(60.003);
        for (String kind : List.of("POINT_LOOKUP", "RANGE_SCAN")) {
            assertThat(m.kind(kind).throughput())
                    .as(kind)
                    .isCloseTo(
                            w0.results().kind(kind).throughput()
                                    + w1.results().kind(kind).throughput(),
                            org.assertj.core.data.Offset.offset(0.01));
        }
        List<TimelinePoint> t = m.timelines().get("POINT_LOOKUP");
        assertThat(t.get(0).startEpochMillis()).isEqualTo(TestRuns.START.toEpochMilli() + 5_000);
        List<TimelinePoint> t0 = w0.results().timelines().get("POINT_LOOKUP");
        assertThat(t.get(t.size() - 1).endEpochMillis())
                .isEqualTo(t0.get(t0.size() - 1).endEpochMillis());
        assertThat(t).hasSize(6).allSatisfy(p -> assertThat(p.count()).isEqualTo(250 + 125));
    }

    @Test
    void keepsEveryWorkersOutagesTaggedWithTheWorkerThatSawThem() {
        // worker 1 saw the outage 300 ms before worker 0; listed first in the merge; the drain: longest, cancellations
        // added
        Path d0 = RunDirectory.write(dir.resolve("w0"), IncidentRuns.outageWorker(0, 0, 1));
        Path d1 = RunDirectory.write(dir.resolve("w1"), IncidentRuns.outageWorker(1, -300, 2));
        Path out = RunDirectory.write(dir.resolve("merged"), Merge.merge(List.of(d0, d1)));
        FaultResults f = RunDirectory.read(out).results().faults();
        assertThat(f.unreachableAfterMillis()).isEqualTo(2000);
        assertThat(f.outages()).extracting(FaultResults.Outage::worker).containsExactly(1, 0);
        assertThat(f.outages()).extracting(FaultResults.Outage::failedRequests).containsExactly(41L, 40L);
        assertThat(f.outages().get(1).fromEpochMillis() - f.outages().get(0).fromEpochMillis())
                .isEqualTo(300);
        assertThat(f.drain()).isEqualTo(new FaultResults.Drain(30_000, 30_001, 3));
        assertThat(RunDirectory.read(d0).results().faults().outages().get(0).worker())
                .as("a worker's own: untagged")
                .isNull();
        assertThat(Merge.merge(List.of(
                                RunDirectory.write(
                                        dir.resolve("p0"),
                                        TestRuns.builder("Sim", 8, 1, 1, TestRuns.START, 0)
                                                .worker("r2", 0, 2, null, null, false)
                                                .build()),
                                RunDirectory.write(
                                        dir.resolve("p1"),
                                        TestRuns.builder("Sim", 8, 1, 1, TestRuns.START, 1)
                                                .worker("r2", 1, 2, null, null, false)
                                                .build())))
                        .results()
                        .faults())
                .as("no worker had a faults section")
                .isNull();
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
    void keepsTheServerSectionOnceWithTheWindowItCameFrom() {
        RunData w0 = ServerRuns.runWithServer("Sim", 8, 1, 1);
        RunData w1 = TestRuns.builder("Sim", 8, 1, 1, TestRuns.START, 1)
                .server(ServerRuns.server(1))
                .build();
        Path d0 = RunDirectory.write(dir.resolve("w0"), w0);
        Path d1 = RunDirectory.write(dir.resolve("w1"), w1);
        Path out = RunDirectory.write(dir.resolve("merged"), Merge.merge(List.of(d0, d1)));
        RunResults m = RunDirectory.read(out).results();
        assertThat(m.server()).isNotNull();
        assertThat(m.server().database()).isEqualTo(w0.results().server().database());
        assertThat(m.server().requests().get("transfer").ok()).isEqualTo(1800);
        assertThat(m.config().get("server.window")).asString().startsWith("worker 0 ");
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
        assertThat(Merge.recheck(slo, h, 100, 0).breaches())
                .singleElement()
                .asString()
                .startsWith("p95 150.")
                .endsWith(" ms > 100 ms");
    }

    private Path worker(String name, String sim, String runId, int index, int count, boolean late) {
        ResultsBuilder b = TestRuns.builder(sim, 8, 1, 1, TestRuns.START, index)
                .worker(runId, index, count, "2026-12-01T21:00:00Z", late ? 4000L : 12L, late);
        return RunDirectory.write(dir.resolve(name), b.build());
    }

    @Test
    void keepsEachWorkersThroughputLatencyAndLatenessBesideTheTotal() {
        Path d0 = worker("w0", "Sim", "r1", 0, 2, false);
        Path d1 = worker("w1", "Sim", "r1", 1, 2, true);
        RunResults m = Merge.merge(List.of(d0, d1)).results();
        assertThat(m.environment().runId()).isEqualTo("r1");
        assertThat(m.environment().startAt()).isEqualTo("2026-12-01T21:00:00Z");
        assertThat(m.environment().lateWorkers()).containsExactly(1);
        RunResults r0 = RunDirectory.read(d0).results();
        long count = r0.kinds().stream().mapToLong(RequestStats::count).sum();
        String rate = String.format(java.util.Locale.ROOT, "%.1f", count / r0.measurementSeconds());
        assertThat(m.config().get("worker.0"))
                .matches("w0: " + count + " requests, " + rate.replace(".", "\\.")
                        + " req/s, p50 [0-9.]+ ms, p95 [0-9.]+ ms, p99 [0-9.]+ ms, started 12 ms after startAt");
        assertThat(m.config().get("worker.1"))
                .startsWith("w1: " + count + " requests, ")
                .endsWith(", LATE: started 4000 ms after startAt");
        assertThat(m.kinds().stream().mapToLong(RequestStats::count).sum()).isEqualTo(2 * count);
    }

    @Test
    void refusesWorkersOfDifferentRunsSimulationsOrFormatVersionsInOneLine() {
        Path d0 = worker("w0", "Sim", "r1", 0, 2, false);
        Path other = worker("o1", "Sim", "r2", 1, 2, false);
        assertThatThrownBy(() -> Merge.merge(List.of(d0, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(other + ": workers of one run must share a run id, but it is r2 and " + d0 + " is r1");
        Path sim = worker("s1", "Other", "r1", 1, 2, false);
        assertThatThrownBy(() -> Merge.merge(List.of(d0, sim)))
                .hasMessage(
                        sim + ": workers of one run must share a simulation, but it is Other and " + d0 + " is Sim");
        RunData old = TestRuns.builder("Sim", 8, 1, 1, TestRuns.START, 1)
                .worker("r1", 1, 2, null, null, false)
                .build();
        RunResults v1 = old.results();
        RunResults asV1 = new RunResults(
                RunResults.OLDEST_READABLE_FORMAT_VERSION,
                v1.simulation(),
                v1.startedAt(),
                v1.measurementStartedAt(),
                v1.endedAt(),
                v1.measurementSeconds(),
                v1.verdict(),
                v1.environment(),
                v1.database(),
                v1.config(),
                v1.profileHashes(),
                v1.parameterSeed(),
                v1.kinds(),
                v1.requests(),
                v1.timelines(),
                v1.findMax(),
                v1.requestInfo(),
                v1.generator(),
                v1.server());
        Path d1 = RunDirectory.write(dir.resolve("v1"), new RunData(asV1, old.kindLogs(), old.requestTotals()));
        assertThatThrownBy(() -> Merge.merge(List.of(d0, d1)))
                .hasMessage(d1 + ": workers of one run must share a results format version, but it is "
                        + RunResults.OLDEST_READABLE_FORMAT_VERSION + " and " + d0 + " is "
                        + RunResults.CURRENT_FORMAT_VERSION);
    }

    @Test
    void refusesARepeatedWorkerIndexAndNamesMissingWorkers() {
        Path d0 = worker("w0", "Sim", "r1", 0, 4, false);
        Path again = worker("again", "Sim", "r1", 0, 4, false);
        assertThatThrownBy(() -> Merge.merge(List.of(d0, again)))
                .hasMessage(again + ": workers of one run must have distinct indexes, but worker 0 is also " + d0);
        Path d2 = worker("w2", "Sim", "r1", 2, 4, false);
        assertThatThrownBy(() -> Merge.merge(List.of(d0, d2)))
                .hasMessage("merge: all 4 workers of run r1 must be merged, but workers 1, 3 are missing");
        Path d1 = worker("w1", "Sim", "r1", 1, 4, false);
        Path d3 = worker("w3", "Sim", "r1", 3, 4, false);
        assertThat(Merge.merge(List.of(d3, d1, d2, d0)).results().environment().workerCount())
                .isEqualTo(4);
    }
}
