package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void writesResultsHistogramLogsAndReport() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Sim-1"), TestRuns.run("Sim", 8, 1, 1));
        assertThat(run.resolve("results.json")).isRegularFile();
        assertThat(run.resolve("index.html")).isRegularFile();
        assertThat(run.resolve("histograms/POINT_LOOKUP.hlog")).isRegularFile();
        assertThat(run.resolve("histograms/RANGE_SCAN.hlog")).isRegularFile();
        assertThat(run.resolve("histograms/requests.hlog")).isRegularFile();
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary directory left").containsExactly(run);
        }
    }

    @Test
    void writesStandardHistogramLogsWithAbsoluteTimes() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Sim-1"), TestRuns.run("Sim", 8, 1, 1));
        List<EncodableHistogram> untagged = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(
                run.resolve("histograms/POINT_LOOKUP.hlog").toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                if (h.getTag() == null) {
                    untagged.add(h);
                }
            }
        }
        assertThat(untagged).hasSize(6);
        assertThat(untagged.get(0).getStartTimeStamp()).isEqualTo(TestRuns.START.toEpochMilli());
        assertThat(untagged.get(1).getStartTimeStamp()).isEqualTo(TestRuns.START.toEpochMilli() + 15_000);
        assertThat(untagged.stream()
                        .mapToLong(h -> ((org.HdrHistogram.Histogram) h).getTotalCount())
                        .sum())
                .isEqualTo(1500);
    }

    @Test
    void readsBackWhatItWrote() {
        RunData data = TestRuns.run("Sim", 8, 1, 1);
        RunData read = RunDirectory.read(RunDirectory.write(dir.resolve("Sim-1"), data));
        assertThat(read.results()).isEqualTo(data.results());
        assertThat(read.requestTotals()).containsOnlyKeys("customer by id", "order by id", "orders in range");
        assertThat(read.requestTotals().get("order by id").get("response"))
                .isEqualTo(data.requestTotals().get("order by id").get("response"));
    }

    @Test
    void refusesToOverwriteARun() {
        RunDirectory.write(dir.resolve("Sim-1"), TestRuns.run("Sim", 8, 1, 1));
        assertThatThrownBy(() -> RunDirectory.write(dir.resolve("Sim-1"), TestRuns.run("Sim", 8, 1, 1)))
                .hasMessage(
                        dir.resolve("Sim-1") + ": an output directory must not exist or be empty, but it holds files");
    }

    @Test
    void rejectsACorruptHistogramLogNamingIt() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Sim-1"), TestRuns.run("Sim", 8, 1, 1));
        Path log = run.resolve("histograms/RANGE_SCAN.hlog");
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        String last = lines.get(lines.size() - 1);
        lines.set(lines.size() - 1, last.substring(0, last.lastIndexOf(',') + 1) + "bm90IGEgaGlzdG9ncmFt");
        Files.write(log, lines);
        assertThatThrownBy(() -> RunDirectory.read(run))
                .hasMessageStartingWith(log + ": must be a readable HdrHistogram log, but ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void rejectsAMissingHistogramLogNamingIt() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Sim-1"), TestRuns.run("Sim", 8, 1, 1));
        Files.delete(run.resolve("histograms/RANGE_SCAN.hlog"));
        assertThatThrownBy(() -> RunDirectory.read(run))
                .hasMessage(run.resolve("histograms/RANGE_SCAN.hlog")
                        + ": a Salvo run's histogram log must exist, but it does not");
    }

    @Test
    void regeneratesTheReport() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Sim-1"), TestRuns.run("Sim", 8, 1, 1));
        Files.delete(run.resolve("index.html"));
        Path index = RunDirectory.report(run);
        String html = Files.readString(index);
        assertThat(html)
                .contains(
                        "<h1>Sim</h1>",
                        "All SLOs pass",
                        "orders in range",
                        "57014: canceling statement",
                        "id=\"chart-qps\"",
                        "id=\"chart-percentiles\"")
                .doesNotContain("hunter2", "src=\"http", "href=\"http", "<link");
    }

    @Test
    void showsEachStatementUnderItsTransactionAndTheSqlWithItsHash() throws Exception {
        Path run = RunDirectory.write(dir.resolve("tx"), TestRuns.transactionRun());
        String html = Files.readString(run.resolve("index.html"));
        int tx = html.indexOf("<tr><td class=\"l name\">tpcb</td>");
        int accounts = html.indexOf("<tr class=\"statement\"><td class=\"l name\">&#8627; update accounts</td>");
        int branches = html.indexOf("<tr class=\"statement\"><td class=\"l name\">&#8627; update branches</td>");
        int lookup = html.indexOf("<tr><td class=\"l name\">by id</td>");
        assertThat(tx).isPositive();
        assertThat(accounts).isGreaterThan(tx);
        assertThat(branches).isGreaterThan(accounts);
        assertThat(lookup)
                .as("sorted by name, a transaction's statements right after it")
                .isLessThan(tx);
        assertThat(html)
                .contains(
                        "<h2>SQL</h2>",
                        "<code>ba9876543210</code>",
                        "UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2",
                        "57P01: at statement &#39;update branches&#39;",
                        "Gatling's report divides by its whole injection time, warmup and ramps included");
        assertThat(ResultsFiles.read(run)).isEqualTo(TestRuns.transactionRun().results());
    }

    @Test
    void linksToGatlingsReportOfTheSameRun() throws Exception {
        Files.createDirectories(dir.resolve("gatling/sim-one-20260101000000100"));
        Files.createDirectories(dir.resolve("gatling/sim-one-20260101003000000"));
        Files.createDirectories(dir.resolve("gatling/other-20260101000000000"));
        RunData data = TestRuns.run("Sim_One", 8, 1, 1);
        Path run = RunDirectory.write(dir.resolve("salvo/Sim_One-1"), data);
        assertThat(Files.readString(run.resolve("index.html")))
                .contains("href=\"../../gatling/sim-one-20260101000000100/index.html\"");
    }

    @Test
    void showsFindMaxStepsAndFailedSlos() throws Exception {
        org.HdrHistogram.Histogram h = new org.HdrHistogram.Histogram(3);
        h.recordValueWithCount(300_000_000L, 10);
        RunData data = new ResultsBuilder("Find", TestRuns.START)
                .endedAt(TestRuns.START.plusSeconds(30))
                .findMaxStep(new FindMaxStep(1, 0, 100.0, 99.5, 2_000, 3_000, 0, true, 100, "req/s"))
                .findMaxStep(new FindMaxStep(2, 0, 200.0, 150.2, 250_000, 300_000, 0, false, 200, "req/s"))
                .request(new ResultsBuilder.Request(
                        "slow",
                        "AGGREGATION",
                        10,
                        0,
                        null,
                        10,
                        0,
                        0,
                        null,
                        h,
                        h,
                        null,
                        null,
                        new RunResults.SloVerdict(100_000.0, null, 0.01, false, List.of("p95 300.000 ms > 100 ms"))))
                .build();
        assertThat(data.results().verdict()).isEqualTo(RunResults.FAIL);
        String html =
                Files.readString(RunDirectory.write(dir.resolve("find"), data).resolve("index.html"));
        assertThat(html)
                .contains("Find-max steps", "id=\"chart-findmax\"", "SLOs failed: slow (p95 300.000 ms &gt; 100 ms)");
    }
}
