package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Snowflake section of the run report and the cost table of the comparison page, in headless Chromium. */
class SnowflakeBrowserTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void needsChromium() {
        Chromium.assumeInstalled();
    }

    @Test
    void snowflakeSectionShowsServerTimesCostAndTheWarehouseChart() throws Exception {
        Path run = RunDirectory.write(dir.resolve("Snowflake-run"), TestRuns.run("Sample02_EveryKind", 8, 1, 1));
        TestRuns.writeSnowflake(run, 1, 126, 3.0); // constructed, not captured (TestRuns.writeSnowflake)
        RunDirectory.report(run);
        String dom = Chromium.open(run.resolve("index.html"), "snowflake-section.png", 3600);
        Chromium.assertRendered(dom, 5);
        assertThat(dom)
                .contains("<section id=\"snowflake\"><h2>Snowflake</h2>")
                .contains("id=\"chart-snowflake-warehouse\"")
                .contains("Result cache: off.");
        String requests = dom.substring(dom.indexOf("id=\"snowflake-requests\""));
        requests = requests.substring(0, requests.indexOf("</table>"));
        // order by id: 600 requests (TestRuns), 10 % reused; Snowflake p50 120 ms, compilation 12.25 -> 12.3, execution
        // 95
        assertThat(requests)
                .containsPattern("<td class=\"l name\">order by id</td><td class=\"l\">POINT_LOOKUP</td>"
                        + "<td>600</td><td>600</td><td>0</td><td>[0-9.,]+</td><td>120</td><td>[0-9.,]+</td><td>310</td><td>12.3</td>"
                        + "<td>0.0</td><td>0.0</td><td>0.0</td><td>95.0</td><td>10.0</td><td>75.0</td><td>0.0</td>")
                .contains("<td class=\"l name\">(other)</td>");
        String cost = dom.substring(dom.indexOf("id=\"snowflake-cost\""));
        cost = cost.substring(0, cost.indexOf("</table>"));
        // 126 cluster-seconds of X-Small (1 credit/h) = 0.035 credits, at 3.0 per credit = 0.105
        assertThat(cost)
                .contains("<td>126</td>")
                .contains("<td>0.0350</td>")
                .contains("<td>0.1050 (at 3.00 per credit)</td>");
        assertThat(dom).contains("most started clusters 2 · most running queries 6 · most queued queries 3");
        // WAREHOUSE_LOAD_HISTORY (constructed) is drawn with the timelines, before the Requests table
        String timelines =
                dom.substring(dom.indexOf("Timelines and latency distribution"), dom.indexOf("<h2>Requests"));
        assertThat(timelines)
                .containsPattern("<div id=\"chart-snowflake-load\"[^>]*data-drawn=\"true\"")
                .contains("Snowflake warehouse load BENCH_WH (WAREHOUSE_LOAD_HISTORY, average queries)");
        assertThat(dom).contains("id=\"snowflake-load\"");
    }

    @Test
    void comparisonPageShowsQpsPerCreditWhenBothRunsHaveSnowflakeCosts() throws Exception {
        Path a = RunDirectory.write(dir.resolve("xsmall"), TestRuns.run("Sample02_EveryKind", 8, 1, 1));
        Path b = RunDirectory.write(dir.resolve("small"), TestRuns.run("Sample02_EveryKind", 8, 0.8, 1.5));
        Path c = RunDirectory.write(dir.resolve("pg"), TestRuns.run("Sample02_EveryKind", 8, 1, 1));
        TestRuns.writeSnowflake(a, 1, 120, 2.0);
        TestRuns.writeSnowflake(b, 2, 120, 2.0);
        Path out = dir.resolve("cmp-snowflake");
        ComparisonDirectory.compare(out, List.of(a, b, c), Comparison.Options.DEFAULTS, false);
        String dom = Chromium.open(out.resolve("index.html"), "comparison-snowflake.png", 2600);
        Chromium.assertRendered(dom, 6);
        String table = dom.substring(dom.indexOf("id=\"snowflake-cost-comparison\""));
        table = table.substring(0, table.indexOf("</table>"));
        double qpsA = qpsPerCredit(a);
        double qpsB = qpsPerCredit(b);
        // B: 1.5x the queries for 2x the credits -> 0.75x the queries/s per credit
        assertThat(qpsB / qpsA).isCloseTo(0.75, org.assertj.core.api.Assertions.within(0.01));
        assertThat(table)
                .contains("<td class=\"l\">A</td><td class=\"l\">X-Small STANDARD</td><td>0.0333</td><td>"
                        + Html2.num(qpsA, 1) + "</td><td></td>")
                .contains("<td class=\"l\">B</td><td class=\"l\">Small STANDARD</td><td>0.0667</td><td>"
                        + Html2.num(qpsB, 1) + "</td><td>"
                        + String.format(java.util.Locale.ROOT, "%+.1f%%", (qpsB / qpsA - 1) * 100) + "</td>")
                .contains("<td class=\"l\">C</td><td class=\"l\">no Snowflake cost estimate</td>");
    }

    private static double qpsPerCredit(Path run) {
        return SnowflakeResults.read(run).orElseThrow().cost().qpsPerCredit();
    }

    /** The report's number format. */
    private static final class Html2 {
        static String num(double v, int decimals) {
            return String.format(java.util.Locale.ROOT, "%,." + decimals + "f", v);
        }
    }
}
