package dev.salvo.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.salvo.reports.Merge;
import dev.salvo.reports.ResultsBuilder;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.RunResults;
import dev.salvo.reports.SnowflakeResults;
import dev.salvo.sql.snowflake.CostModel;
import dev.salvo.sql.snowflake.RequestHistory;
import dev.salvo.sql.snowflake.WarehouseSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salvo merge} of Snowflake workers: through {@link Merge} and the {@link dev.salvo.reports.MergedFile} SPI (the
 * service file of this module), from worker run directories written with the reports' own writer and snowflake.json
 * files CONSTRUCTED here (the shapes {@link SnowflakeSection} writes), not captured from an account.
 */
class SnowflakeMergeTest {
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    @TempDir
    Path dir;

    /** A worker's run: 100 "by id" requests of 1..100 ms (worker 1: 2..200 ms), measured for 60 s. */
    private Path worker(
            int index, String warehouse, long firstSampleOffset, CostModel.CostEstimate cost, long bytesScanned) {
        Histogram h = new Histogram(3);
        for (int i = 1; i <= 100; i++) {
            h.recordValue(i * 1_000_000L * (index + 1));
        }
        ResultsBuilder b = new ResultsBuilder("Sim", START)
                .measurementStartedAt(START)
                .endedAt(START.plusSeconds(60))
                .worker("Sim-run", index, 2, null, null, false);
        b.interval(
                "by id",
                "POINT_LOOKUP",
                START.plusSeconds(60).toEpochMilli(),
                h,
                h,
                new Histogram(3),
                new Histogram(3),
                0);
        b.request(new ResultsBuilder.Request(
                "by id",
                "POINT_LOOKUP",
                100,
                0,
                Map.of(),
                100,
                1000,
                0,
                null,
                h,
                h,
                new Histogram(3),
                new Histogram(3),
                null));
        Path d = RunDirectory.write(dir.resolve("w" + index), b.build());
        long t0 = START.toEpochMilli() + firstSampleOffset;
        List<WarehouseSample> samples = List.of(
                new WarehouseSample(t0, warehouse, "STARTED", "STANDARD", "X-Small", 1, 1, 2, 3, 0, 60L),
                new WarehouseSample(t0 + 30_000, warehouse, "STARTED", "STANDARD", "X-Small", 2, 1, 2, 6, 1, 60L),
                new WarehouseSample(t0 + 60_000, warehouse, "STARTED", "STANDARD", "X-Small", 1, 1, 2, 2, 0, 60L));
        RequestHistory byId = new RequestHistory(
                "by id",
                100,
                index,
                10 * index,
                40 + index * 10,
                90 + index * 10,
                120 + index,
                45 + index * 10,
                10,
                0,
                index,
                0,
                30 + index * 10,
                100L * (30 + index * 10),
                bytesScanned,
                10L,
                20L,
                index == 0 ? 0.5 : 1.0,
                0L,
                null,
                0.001);
        SnowflakeSection s = new SnowflakeSection(
                1,
                "Sim-run-w" + index,
                "off",
                false,
                List.of(new SnowflakeSection.RequestComparison("by id", 100L, 1.0, 2.0, byId)),
                samples,
                cost,
                List.of("cost: x"),
                warehouse,
                List.of(
                        new SnowflakeSection.Load(t0, t0 + 5_000, 1 + index, 0, 0, 0),
                        new SnowflakeSection.Load(t0 + 5_000, t0 + 10_000, 2, 0.5, 0, 0)),
                List.of());
        s.write(d);
        return d;
    }

    private static CostModel.CostEstimate cost(long seconds) {
        double credits = seconds / 3600.0;
        return new CostModel.CostEstimate(
                1,
                seconds,
                credits,
                credits * 3,
                3.0,
                Map.of("POINT_LOOKUP", credits),
                credits * 1000 / 100,
                100 / credits,
                100 / 60.0 / credits);
    }

    @Test
    void workersOfOneWarehouseMergeIntoOneSeriesAndOneCostEstimate() throws Exception {
        Path w0 = worker(0, "BENCH_WH", 0, cost(180), 1000);
        Path w1 = worker(1, "BENCH_WH", 0, cost(180), 3000);
        Path out = RunDirectory.write(dir.resolve("merged"), Merge.merge(List.of(w0, w1)));
        SnowflakeResults s = SnowflakeResults.read(out).orElseThrow();
        RunResults m = dev.salvo.reports.ResultsFiles.read(out);

        SnowflakeResults.Request r = s.requests().get(0);
        assertThat(r.clientCount()).isEqualTo(200);
        assertThat(r.clientP50Micros())
                .as("Salvo's side from the merged histogram")
                .isEqualTo(m.requests().get(0).responseMicros().p50());
        assertThat(r.snowflake().queries()).isEqualTo(200);
        assertThat(r.snowflake().failed()).isEqualTo(1);
        assertThat(r.snowflake().resultReused()).isEqualTo(10);
        assertThat(r.snowflake().elapsedP95Millis())
                .as("largest worker's: an upper bound")
                .isEqualTo(100);
        assertThat(r.snowflake().meanElapsedMillis()).isEqualTo(50.0);
        assertThat(r.snowflake().meanExecutionMillis()).isEqualTo(35.0);
        assertThat(r.snowflake().meanQueuedOverloadMillis()).isEqualTo(0.5);
        assertThat(r.snowflake().bytesScanned()).isEqualTo(4000);
        assertThat(r.snowflake().scannedFromCache()).as("bytes-weighted").isEqualTo((0.5 * 1000 + 1.0 * 3000) / 4000);
        assertThat(r.snowflake().cloudServicesCredits()).isCloseTo(0.002, within(1e-12));

        assertThat(s.warehouseName()).isEqualTo("BENCH_WH");
        assertThat(s.warehouse())
                .as("the same warehouse sampled by both workers: one series")
                .hasSize(3);
        assertThat(s.warehouseLoad()).hasSize(2);
        // cluster 1: 0..60 s + AUTO_SUSPEND 60 s = 120 s; cluster 2 started at 30 s, until 60 s: 60 s minimum -> 180 s,
        // not the 360 s that adding the workers' estimates would give
        assertThat(s.cost().billedClusterSeconds()).isEqualTo(180);
        assertThat(s.cost().credits()).isCloseTo(180 / 3600.0, within(1e-12));
        assertThat(s.cost().price()).isCloseTo(3 * 180 / 3600.0, within(1e-12));
        assertThat(s.cost().creditsPer1000Queries()).isCloseTo(180 / 3600.0 * 1000 / 200, within(1e-12));
        assertThat(s.workers()).extracting(SnowflakeResults.Worker::worker).containsExactly(0, 1);
        assertThat(s.estimates())
                .contains("cost of a merged run: estimated again over all workers' samples of the one" + " warehouse");
        assertThat(Files.readString(out.resolve(RunDirectory.INDEX_HTML)))
                .contains("<section id=\"snowflake\">")
                .contains("id=\"snowflake-workers\"")
                .contains("id=\"chart-snowflake-load\"");
    }

    @Test
    void workersOfDifferentWarehousesKeepTheirSamplesAndAddTheirCosts() throws Exception {
        Path w0 = worker(0, "WH_A", 0, cost(120), 1000);
        Path w1 = worker(1, "WH_B", 1_000, cost(60), 1000);
        Path out = RunDirectory.write(dir.resolve("merged"), Merge.merge(List.of(w0, w1)));
        SnowflakeResults s = SnowflakeResults.read(out).orElseThrow();
        assertThat(s.warehouseName()).isEqualTo("WH_A, WH_B");
        assertThat(s.warehouse()).hasSize(6);
        assertThat(s.warehouseLoad()).hasSize(4);
        assertThat(s.cost().billedClusterSeconds()).isEqualTo(180);
        assertThat(s.cost().credits()).isCloseTo(180 / 3600.0, within(1e-12));
        assertThat(s.cost().price()).isCloseTo(3 * 180 / 3600.0, within(1e-12));
        assertThat(s.cost().pricePerCredit()).isEqualTo(3.0);
        assertThat(s.cost().creditsPer1000Queries()).isCloseTo(180 / 3600.0 * 1000 / 200, within(1e-12));
    }

    @Test
    void aWorkerWithoutSnowflakeJsonIsNamedInTheEstimates() throws Exception {
        Path w0 = worker(0, "BENCH_WH", 0, cost(120), 1000);
        Path w1 = worker(1, "BENCH_WH", 0, cost(120), 1000);
        Files.delete(w1.resolve(SnowflakeSection.FILE));
        Path out = RunDirectory.write(dir.resolve("merged"), Merge.merge(List.of(w0, w1)));
        SnowflakeResults s = SnowflakeResults.read(out).orElseThrow();
        assertThat(s.requests().get(0).snowflake().queries()).isEqualTo(100);
        assertThat(s.requests().get(0).clientCount()).isEqualTo(200);
        assertThat(s.estimates()).contains("merged from 1 of 2 workers: the others wrote no snowflake.json");
    }
}
