package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the run report and the comparison page in headless Chromium (Debian's {@code chromium}; .ci/install-chromium.sh
 * installs it) from file://, with the network off, and checks that every chart was drawn and no script error occurred.
 * Screenshots go to {@code target/screenshots/} (docs/screenshots holds copies). Skipped only when Chromium is absent.
 */
class BrowserTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsChromium() {
        Chromium.assumeInstalled();
    }

    @Test
    void runReportRendersEveryChartWithoutErrors() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Sample-run"), TestRuns.run("Sample02_EveryKind", 8, 1, 1));
        String dom = Chromium.open(run.resolve("index.html"), "run-report.png", 2400);
        Chromium.assertRendered(dom, 4);
        assertThat(dom).contains("All SLOs pass").contains("<path d=\"M");
    }

    @Test
    void verdictAndTheColumnsLookedAtFirstFitA1400PixelWindow() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Layout-run"), TestRuns.transactionRun());
        // the report plus a probe that measures, after layout, where the key columns of the requests table end
        String probe =
                "<script>window.addEventListener('load', () => { const t = document.querySelectorAll('table.stats')[1];"
                        + " const right = name => { for (const th of t.querySelectorAll('th')) { if (th.textContent === name)"
                        + " return Math.ceil(th.getBoundingClientRect().right); } return -1; };"
                        + " const v = document.getElementById('verdict').getBoundingClientRect();"
                        + " document.body.setAttribute('data-layout', ['p50 ms', 'p95 ms', 'p99 ms', 'error rate', 'service p99 ms',"
                        + " 'wait p99 ms'].map(n => n + '=' + right(n)).join(';') + ';verdict=' + Math.ceil(v.right)"
                        + " + ';viewport=' + document.documentElement.clientWidth); });</script>";
        Path page = run.resolve("probe.html");
        Files.writeString(page, Files.readString(run.resolve("index.html")).replace("</body>", probe + "</body>"));
        String dom = Chromium.chromium(
                List.of("--window-size=1400,900", "--dump-dom", page.toUri().toString()),
                page.getParent().resolve("probe.txt"));
        Matcher m = Pattern.compile("data-layout=\"([^\"]+)\"").matcher(dom);
        assertThat(m.find()).as("the probe ran").isTrue();
        System.out.println("[layout at 1400 px] right edges: " + m.group(1));
        java.util.Map<String, Integer> layout = new java.util.HashMap<>();
        for (String pair : m.group(1).split(";")) {
            layout.put(pair.substring(0, pair.indexOf('=')), Integer.parseInt(pair.substring(pair.indexOf('=') + 1)));
        }
        int viewport = layout.get("viewport");
        assertThat(viewport).isBetween(1300, 1400);
        assertThat(layout)
                .allSatisfy(
                        (name, right) -> assertThat(right).as(name).isPositive().isLessThanOrEqualTo(viewport));
    }

    @Test
    void runReportShowsTheLoadGeneratorsHiccupsAndWarnsAboutTheirPercentiles() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Stalled-run"), IncidentRuns.stalledRun());
        String dom = Chromium.open(run.resolve("index.html"), "run-report-stalled.png", 2800);
        Chromium.assertRendered(dom, 5);
        assertThat(dom)
                .contains("id=\"generator-warning\"")
                .contains("'order by id' p99, p99.9, max:")
                .contains("the JIT compiled for 610 ms in the measurement's first 10 s")
                .contains("id=\"chart-hiccups\"")
                .contains("stall at 2026-01-01T00:00:35Z")
                // 120 ms a second in the first 5 s, 2 ms in the other 55: 710 in all, 610 in the first 10 s
                .contains("JIT compilation in the measurement (all compiler threads), ms</td><td class=\"l\">710 (610"
                        + " in its first 10 s")
                .contains("JIT compiling</span>");
    }

    @Test
    void serverSectionDrawsTheStackedWaitChartAndFlagsTheSlowStatement() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Server-run"), ServerRuns.runWithServer("Sample03", 8, 1, 1));
        String dom = Chromium.open(run.resolve("index.html"), "server-section.png", 4200);
        Chromium.assertRendered(dom, 5);
        assertThat(dom).contains("<h2 id=\"server\">Server</h2>");
        String waits = dom.substring(dom.indexOf("id=\"chart-waits\""));
        assertThat(waits.substring(0, waits.indexOf("</svg>")))
                .as("three stacked areas: CPU, IO, Lock")
                .contains("data-drawn=\"true\"")
                .containsPattern("(?s)(class=\"area\".*){3}");
        String requests = dom.substring(dom.indexOf("id=\"server-requests\""));
        assertThat(requests.substring(0, requests.indexOf("</table>")))
                .containsPattern("<tr class=\"statement slowest\"><td class=\"l sql\"><span class=\"flag\"[^>]*>slowest"
                        + "</span> SELECT pg_sleep\\(\\?\\)");
        assertThat(dom)
                .contains("40P01: ERROR: deadlock detected")
                .contains("EXPLAIN (VERBOSE, FORMAT JSON)")
                .contains("partly unavailable: role app");
    }

    @Test
    void comparisonPageRendersEveryChartWithoutErrors() throws Exception {
        Path a = RunDirectory.write(dir.resolve("pool8"), ServerRuns.runWithServer("Sample02_EveryKind", 8, 1, 1));
        Path b = RunDirectory.write(
                dir.resolve("pool16"), ServerRuns.runWithServer("Sample02_EveryKind", 16, 0.9, 1.15));
        Path c = RunDirectory.write(dir.resolve("slow"), TestRuns.run("Sample02_EveryKind", 8, 1.6, 0.85));
        Path out = dir.resolve("cmp");
        Comparison comparison = ComparisonDirectory.compare(out, List.of(a, b, c), Comparison.Options.DEFAULTS, false);
        assertThat(comparison.regression()).isTrue();
        String dom = Chromium.open(out.resolve("index.html"), "comparison.png", 2600);
        Chromium.assertRendered(dom, 6);
        assertThat(dom).contains("class=\"regression\"");
        String server = dom.substring(dom.indexOf("id=\"server-compare\""));
        assertThat(server.substring(0, server.indexOf("</table>")))
                .as("server metrics side by side; C has none")
                .contains(
                        "<td class=\"l\">transfer: server mean ms</td><td>0.450</td><td>0.405</td><td>not collected</td>")
                .contains("<td class=\"l\">cache hit ratio</td><td>99.00 %</td><td>99.10 %</td><td>not collected</td>");
    }

    @Test
    void comparisonPageSaysWhenAPValueWasWidenedForClustering() throws Exception {
        Path a = RunDirectory.write(dir.resolve("stalls-a"), ClusterCorrectionTest.run(1, 1, true, 17));
        Path b = RunDirectory.write(dir.resolve("stalls-b"), ClusterCorrectionTest.run(2, 1, true, 3, 9, 21, 26));
        Path out = dir.resolve("cmp-clustered");
        ComparisonDirectory.compare(out, List.of(a, b), Comparison.Options.DEFAULTS, false);
        String dom = Chromium.open(out.resolve("index.html"), null, 0);
        Chromium.assertRendered(dom, 0);
        assertThat(dom)
                .containsPattern("data-clustered=\"[0-9.]+\" title=\"no significant change; quantile test"
                        + " \\(Fisher exact\\); widened for clustering x[0-9.]+ \\(quasi-binomial dispersion\\); p=[0-9.e-]+,"
                        + " clustered x[0-9.]+; requests 6000 vs 6000\"");
    }

    @Test
    void comparisonPageStatesTheControlKindAndShowsJudgedAndMeasuredChanges() throws Exception {
        Path a = RunDirectory.write(dir.resolve("a"), TestRuns.run("Sample02_EveryKind", 8, 1, 1));
        Path b = RunDirectory.write(dir.resolve("b"), TestRuns.run("Sample02_EveryKind", 8, 1.5, 1));
        Path out = dir.resolve("cmp-control");
        Comparison c = ComparisonDirectory.compare(
                out, List.of(a, b), Comparison.Options.DEFAULTS.withControl("RANGE_SCAN"), false);
        assertThat(c.regression()).isFalse();
        String dom = Chromium.open(out.resolve("index.html"), null, 0);
        Chromium.assertRendered(dom, 6);
        String control = dom.substring(dom.indexOf("id=\"control\""));
        assertThat(control.substring(0, control.indexOf("</p>")))
                .contains("Control kind <b>RANGE_SCAN</b>", "B: control RANGE_SCAN p50 +49.9%, p95 +50.0%, p99 +50.0%");
        assertThat(dom)
                .contains("data-status=\"CONTROL\"")
                .contains("(+50.0%) ~</td>")
                .doesNotContain("class=\"regression\"")
                .doesNotContain("id=\"drift\"");
        // the same runs without a control: regressions, and the hint that every kind moved alike
        Path measured = dir.resolve("cmp-drift");
        assertThat(ComparisonDirectory.compare(measured, List.of(a, b), Comparison.Options.DEFAULTS, false)
                        .regression())
                .isTrue();
        String page = Chromium.open(measured.resolve("index.html"), null, 0);
        String drift = page.substring(page.indexOf("id=\"drift\""));
        assertThat(drift.substring(0, drift.indexOf("</p>")))
                .contains("Hint (not a verdict):")
                .contains("B: every kind's p50 moved alike (POINT_LOOKUP +50.1%, RANGE_SCAN +49.9%)");
    }

    @Test
    void trendPageRendersEveryChartWithItsSignificanceMarkers() throws Exception {
        List<Path> runs = new ArrayList<>();
        double[] slowdowns = {1, 1, 1.6, 1.6, 1.05, 1};
        for (int i = 0; i < slowdowns.length; i++) {
            runs.add(RunDirectory.write(
                    dir.resolve("trend-run-" + i),
                    TestRuns.run(
                            "Sample02_EveryKind",
                            8,
                            slowdowns[i],
                            i == 3 ? 0.8 : 1,
                            TestRuns.START.plusSeconds(86_400L * i),
                            0)));
        }
        Path page = Trend.of(runs, Comparison.Options.DEFAULTS).write(dir.resolve("trend"));
        String dom = Chromium.open(page, "trend.png", 2600);
        Chromium.assertRendered(dom, 6);
        assertThat(Chromium.count(dom, "class=\"mark regression\""))
                .as("regression markers drawn in the charts")
                .isPositive();
        assertThat(Chromium.count(dom, "class=\"mark improvement\""))
                .as("improvement markers drawn in the charts")
                .isPositive();
    }

    @Test
    void anOutageIsShadedOnEveryTimelineAndListedWithItsFailures() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Outage-run"), IncidentRuns.outageRun());
        String dom = Chromium.open(run.resolve("index.html"), "run-report-outage.png", 2400);
        Chromium.assertRendered(dom, 4);
        assertThat(Chromium.count(dom, "class=\"band outage\""))
                .as("throughput, latency and errors timelines")
                .isEqualTo(3);
        assertThat(dom)
                .contains("database unreachable: 20 s to 25 s")
                .contains("id=\"outages\"")
                .contains("Connection to localhost:5432 refused. (SQLSTATE 08001)")
                .contains("{POINT_LOOKUP=42}")
                .contains("1 statement(s) still running at the drain timeout (30000 ms) were cancelled");
    }

    @Test
    void aMergedRunShadesEveryWorkersOutageAndListsItWithItsWorker() throws Exception {
        Path d0 = RunDirectory.write(dir.resolve("outage-w0"), IncidentRuns.outageWorker(0, 0, 1));
        Path d1 = RunDirectory.write(dir.resolve("outage-w1"), IncidentRuns.outageWorker(1, -300, 2));
        Path merged = RunDirectory.write(dir.resolve("Merged-outage-run"), Merge.merge(List.of(d0, d1)));
        String dom = Chromium.open(merged.resolve("index.html"), "merged-report-outage.png", 2400);
        Chromium.assertRendered(dom, 4);
        assertThat(Chromium.count(dom, "class=\"band outage\""))
                .as("two outages on three timelines")
                .isEqualTo(6);
        assertThat(dom)
                .contains("id=\"outages\"")
                .contains("tagged with the worker that saw them")
                .contains("<th>worker</th>")
                .contains("{POINT_LOOKUP=41}")
                .contains("{POINT_LOOKUP=40}")
                .contains(
                        "3 statement(s) still running at the drain timeout (30000 ms) were cancelled on the server (all"
                                + " workers together); the longest worker's drain took 30001 ms");
        Matcher rows = Pattern.compile("<tr><td>(\\d)</td><td class=\"l\">").matcher(dom);
        List<String> workers = new java.util.ArrayList<>();
        while (rows.find()) {
            workers.add(rows.group(1));
        }
        assertThat(workers).as("the outage rows' worker cells, in time order").containsExactly("1", "0");
    }

    @Test
    void mergedReportShowsEachWorkersColumnsBesideTheTotals() throws Exception {
        RunData w0 = TestRuns.builder("Sim", 8, 1, 1, TestRuns.START, 0)
                .worker("r1", 0, 2, null, null, false)
                .build();
        RunData w1 = TestRuns.builder("Sim", 8, 2, 0.5, TestRuns.START, 1)
                .worker("r1", 1, 2, null, null, false)
                .build();
        Path d0 = RunDirectory.write(dir.resolve("merge-w0"), w0);
        Path d1 = RunDirectory.write(dir.resolve("merge-w1"), w1);
        Path merged = RunDirectory.write(dir.resolve("Merged-run"), Merge.merge(List.of(d0, d1)));
        // a probe reads the rendered table back: header cells, then each kind's row as the browser shows it
        String probe = "<script>window.addEventListener('load', () => { const t = document.getElementById('workers');"
                + " const rows = [...t.querySelectorAll('tr')].map(tr => [...tr.children].map(c => c.textContent).join('|'));"
                + " const w = Math.ceil(t.getBoundingClientRect().width);"
                + " document.body.setAttribute('data-workers', rows.join('~') + '~width=' + w); });</script>";
        Path page = merged.resolve("probe.html");
        Files.writeString(page, Files.readString(merged.resolve("index.html")).replace("</body>", probe + "</body>"));
        String dom = Chromium.chromium(
                List.of("--window-size=1400,900", "--dump-dom", page.toUri().toString()),
                page.getParent().resolve("probe.txt"));
        Chromium.open(merged.resolve("index.html"), "merged-report.png", 2400);
        Matcher m = Pattern.compile("data-workers=\"([^\"]+)\"").matcher(dom);
        assertThat(m.find()).as("the probe ran").isTrue();
        List<String> rows = List.of(m.group(1).split("~"));
        assertThat(rows.get(0)).isEqualTo("kind|all 2 workers|worker 0|worker 1");
        assertThat(rows.get(1))
                .isEqualTo(String.join("|", java.util.Collections.nCopies(3, "requests|req/s|p50 ms|p99 ms")));
        RunResults.RequestStats total = RunDirectory.read(merged).results().kind("POINT_LOOKUP");
        RunResults.RequestStats k0 = w0.results().kind("POINT_LOOKUP");
        RunResults.RequestStats k1 = w1.results().kind("POINT_LOOKUP");
        String fmt = "%s|%s|%s|%s";
        assertThat(rows)
                .contains("POINT_LOOKUP|"
                        + String.format(
                                java.util.Locale.ROOT,
                                fmt,
                                String.format(java.util.Locale.ROOT, "%,d", total.count()),
                                String.format(java.util.Locale.ROOT, "%,.1f", total.throughput()),
                                String.format(
                                        java.util.Locale.ROOT,
                                        "%,.3f",
                                        total.responseMicros().p50() / 1000),
                                String.format(
                                        java.util.Locale.ROOT,
                                        "%,.3f",
                                        total.responseMicros().p99() / 1000))
                        + "|"
                        + workerCells(k0) + "|" + workerCells(k1));
        assertThat(k1.responseMicros().p99())
                .as("the fixture's workers differ")
                .isGreaterThan(k0.responseMicros().p99());
        int width = Integer.parseInt(rows.get(rows.size() - 1).substring("width=".length()));
        assertThat(width)
                .as("two workers' columns fit a 1,400 px window")
                .isPositive()
                .isLessThanOrEqualTo(1400);
    }

    private static String workerCells(RunResults.RequestStats k) {
        return String.format(
                java.util.Locale.ROOT,
                "%,d|%.1f|%.3f|%.3f",
                k.count(),
                k.throughput(),
                k.responseMicros().p50() / 1000,
                k.responseMicros().p99() / 1000);
    }

    @Test
    void errorSentinelCatchesScriptErrors() throws Exception {
        Path page = dir.resolve("broken.html");
        Files.writeString(
                page,
                "<!DOCTYPE html><html><body><pre id=\"salvo-errors\" hidden></pre>"
                        + "<script type=\"application/json\" id=\"salvo-charts\">[{\"id\":\"x\",\"series\":null}]</script><div id=\"x\">"
                        + "</div><script>"
                        + new String(
                                RunDirectory.class
                                        .getResourceAsStream("internal/charts.js")
                                        .readAllBytes(),
                                StandardCharsets.UTF_8)
                        + "</script></body></html>");
        String dom = Chromium.open(page, null, 600);
        assertThat(dom).contains("data-rendered=\"error\"");
        assertThat(dom.substring(dom.indexOf("<!-- console:")))
                .as("the console saw the error too")
                .contains("Uncaught");
    }
}
