package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.ms;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.FindMaxStep;
import dev.salvo.reports.RunResults;
import dev.salvo.reports.RunResults.Latency;
import dev.salvo.reports.RunResults.RequestStats;
import dev.salvo.reports.internal.Html.Chart;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-run HTML report ({@code index.html}), from {@link RunResults} only. Internal. */
public final class RunReportPage {
    private RunReportPage() {}

    /**
     * @param r the run
     * @param gatlingReport relative link to Gatling's report of the run, or null
     * @return the page
     */
    public static String render(RunResults r, String gatlingReport) {
        return render(r, gatlingReport, null);
    }

    /**
     * @param r the run
     * @param gatlingReport relative link to Gatling's report of the run, or null
     * @param snowflake the run's Snowflake results (snowflake.json), or null
     * @return the page
     */
    public static String render(RunResults r, String gatlingReport, dev.salvo.reports.SnowflakeResults snowflake) {
        List<Chart> charts = new ArrayList<>(RunCharts.charts(r));
        charts.addAll(
                SnowflakeReportSection.loadCharts(snowflake, r)); // Snowflake's warehouse load beside the timelines
        List<Chart> serverCharts = new ArrayList<>(ServerSection.charts(r));
        List<Chart> snowflakeCharts = SnowflakeReportSection.charts(snowflake, r);
        StringBuilder b = new StringBuilder();
        b.append("<h1>")
                .append(esc(r.simulation()))
                .append("</h1>\n<div class=\"meta\">")
                .append(esc(r.startedAt()))
                .append(" → ")
                .append(esc(r.endedAt()))
                .append(" · measured ")
                .append(num(r.measurementSeconds(), 1))
                .append(" s");
        if (r.database() != null) {
            b.append(" · ")
                    .append(esc(r.database().product()))
                    .append(' ')
                    .append(esc(r.database().version()))
                    .append(" (")
                    .append(esc(r.database().dialect()))
                    .append(", pool ")
                    .append(r.database().poolSize())
                    .append(')');
        }
        if (gatlingReport != null) {
            b.append(" · <a id=\"gatling-report\" href=\"")
                    .append(esc(gatlingReport))
                    .append("\">Gatling's report</a>");
        }
        b.append("</div>\n").append(verdict(r)).append(GeneratorSection.warnings(r));
        b.append(FaultSection.render(r));
        b.append("<h2>Query kinds</h2>\n").append(statsTable(r.kinds(), false));
        b.append(WorkerColumns.render(r));
        b.append("<h2>Timelines and latency distribution</h2>\n<div class=\"charts\">");
        charts.forEach(c -> b.append(Html.placeholder(c)));
        b.append("</div>\n");
        b.append("<h2>Requests</h2>\n").append(statsTable(r.requests(), true, r));
        b.append("<p class=\"note\" id=\"throughput-note\">req/s is counted over the measured ")
                .append(num(r.measurementSeconds(), 1))
                .append(" s after the warmup, warmup requests apart. Gatling's report"
                        + " divides by its whole injection time, warmup and ramps included, so its req/s is lower for the same"
                        + " run.</p>\n");
        b.append(errors(r));
        b.append(sql(r));
        b.append(ServerSection.render(r, serverCharts));
        b.append(SnowflakeReportSection.render(snowflake, r, snowflakeCharts));
        serverCharts.addAll(snowflakeCharts);
        if (!r.findMax().isEmpty()) {
            b.append("<h2>Find-max steps</h2>\n").append(findMax(r.findMax()));
        }
        b.append(GeneratorSection.table(r));
        b.append("<h2>Configuration</h2>\n").append(config(r));
        List<Chart> all = new ArrayList<>(charts);
        all.addAll(serverCharts);
        return Html.page("Salvo · " + r.simulation(), all, b.toString());
    }

    private static String verdict(RunResults r) {
        String text = switch (r.verdict()) {
            case RunResults.PASS -> "All SLOs pass";
            case RunResults.FAIL ->
                "SLOs failed: "
                        + String.join(
                                "; ",
                                r.requests().stream()
                                        .filter(s -> s.slo() != null && !s.slo().pass())
                                        .map(s -> s.name() + " ("
                                                + String.join(", ", s.slo().breaches()) + ")")
                                        .toList());
            default -> "No SLO set";
        };
        return "<div id=\"verdict\" class=\"verdict " + esc(r.verdict()) + "\">" + esc(text) + "</div>\n";
    }

    static String statsTable(List<RequestStats> rows, boolean withKind) {
        return statsTable(rows, withKind, null);
    }

    /**
     * The columns people look for first (SLO, counts, errors, p50/p95/p99, service and wait p99, req/s) come first, so
     * that they fit a 1,400 px window without scrolling; the rest follow. A transaction's statements follow it, indented.
     */
    static String statsTable(List<RequestStats> rows, boolean withKind, RunResults run) {
        StringBuilder b = new StringBuilder("<div class=\"scroll\"><table class=\"stats\"><tr><th class=\"l\">")
                .append(withKind ? "request</th><th class=\"l\">kind" : "kind")
                .append("</th><th class=\"l\">SLO</th><th>requests</th><th>KO</th><th>error rate</th>"
                        + "<th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>service p99 ms</th><th>wait p99 ms</th><th>req/s</th>"
                        + "<th>rows/s</th><th>KB/s</th><th>p75 ms</th><th>p90 ms</th><th>p99.9 ms</th>"
                        + "<th>max ms</th><th>mean ms</th><th>stddev ms</th>"
                        + "<th>lag p99 ms</th><th>warmup</th></tr>\n");
        for (RequestStats s : ordered(rows, run)) {
            RunResults.RequestInfo info = run == null ? null : run.info(s.name());
            boolean statement = info != null && info.transaction() != null;
            Latency l = s.responseMicros();
            b.append(statement ? "<tr class=\"statement\"><td class=\"l name\">&#8627; " : "<tr><td class=\"l name\">")
                    .append(esc(
                            statement
                                    ? s.name().substring(info.transaction().length() + STATEMENT_SEPARATOR.length())
                                    : s.name()))
                    .append("</td>");
            if (withKind) {
                b.append("<td class=\"l\">").append(esc(s.kind())).append("</td>");
            }
            if (s.slo() == null) {
                b.append(statement ? "<td class=\"l\">(in transaction)</td>" : "<td class=\"l\">none</td>");
            } else if (s.slo().pass()) {
                b.append("<td class=\"l pass\">pass</td>");
            } else {
                b.append("<td class=\"l fail\">FAIL: ")
                        .append(esc(String.join(", ", s.slo().breaches())))
                        .append("</td>");
            }
            b.append(td(num(s.count(), 0)))
                    .append(td(num(s.ko(), 0)))
                    .append(td(num(s.errorRate() * 100, 2) + " %"))
                    .append(td(ms(l.p50())))
                    .append(td(ms(l.p95())))
                    .append(td(ms(l.p99())))
                    .append(td(ms(s.serviceMicros().p99())))
                    .append(td(ms(s.waitMicros().p99())))
                    .append(td(num(s.throughput(), 1)))
                    .append(td(num(s.rowsPerSecond(), 1)))
                    .append(td(num(s.bytesPerSecond() / 1024, 1)))
                    .append(td(ms(l.p75())))
                    .append(td(ms(l.p90())))
                    .append(td(ms(l.p999())))
                    .append(td(ms(l.max())))
                    .append(td(ms(l.mean())))
                    .append(td(ms(l.stddev())))
                    .append(td(ms(s.scheduleLagMicros().p99())))
                    .append(td(num(s.warmupRequests(), 0)));
            b.append("</tr>\n");
        }
        return b.append("</table></div>\n").toString();
    }

    /** How the runtime names a statement of a transaction: {@code <transaction> / <statement>}. */
    static final String STATEMENT_SEPARATOR = " / ";

    /** Requests by name, each transaction followed by its statements in their order. */
    private static List<RequestStats> ordered(List<RequestStats> rows, RunResults run) {
        if (run == null || run.requestInfo().isEmpty()) {
            return rows;
        }
        Map<String, RequestStats> byName = new java.util.LinkedHashMap<>();
        rows.forEach(r -> byName.put(r.name(), r));
        List<RequestStats> out = new java.util.ArrayList<>();
        for (RequestStats r : rows) {
            RunResults.RequestInfo info = run.info(r.name());
            if (info != null && info.transaction() != null && byName.containsKey(info.transaction())) {
                continue; // listed under its transaction
            }
            out.add(r);
            if (info != null) {
                info.statements().stream()
                        .map(byName::get)
                        .filter(java.util.Objects::nonNull)
                        .forEach(out::add);
            }
        }
        return out;
    }

    /** The SQL of every request and statement, with the hash to find it in pg_stat_statements. */
    private static String sql(RunResults r) {
        if (r.requestInfo().values().stream().noneMatch(i -> i.sql() != null)) {
            return "";
        }
        StringBuilder b = new StringBuilder("<h2>SQL</h2>\n<p>As the database sees it (parameters as $1, $2, ...; "
                + "whitespace collapsed): match it in <code>pg_stat_statements.query</code>; the hash is the first 12 hex digits"
                + " of its SHA-256.</p>\n<table class=\"sql\"><tr><th class=\"l\">request</th><th class=\"l\">hash</th>"
                + "<th class=\"l\">SQL</th></tr>\n");
        r.requestInfo().forEach((name, info) -> {
            if (info.sql() != null) {
                b.append("<tr><td class=\"l\">")
                        .append(esc(name))
                        .append("</td><td class=\"l\"><code>")
                        .append(esc(info.sqlHash()))
                        .append("</code></td><td class=\"l\"><code>")
                        .append(esc(info.sql()))
                        .append("</code></td></tr>\n");
            }
        });
        return b.append("</table>\n").toString();
    }

    private static String td(String text) {
        return "<td>" + text + "</td>";
    }

    private static String errors(RunResults r) {
        List<RequestStats> failing =
                r.requests().stream().filter(s -> s.ko() > 0).toList();
        if (failing.isEmpty()) {
            return "<h2>Errors</h2>\n<p>None.</p>\n";
        }
        StringBuilder b = new StringBuilder("<h2>Errors</h2>\n<table class=\"errors\"><tr><th class=\"l\">request</th>"
                + "<th class=\"l\">SQLSTATE class</th><th class=\"l\">error</th><th>count</th></tr>\n");
        for (RequestStats s : failing) {
            s.errors()
                    .forEach((message, n) -> b.append("<tr><td class=\"l\">")
                            .append(esc(s.name()))
                            .append("</td><td class=\"l\">")
                            .append(esc(StatsMath.errorClasses(Map.of(message, n))
                                    .keySet()
                                    .iterator()
                                    .next()))
                            .append("</td><td class=\"l\">")
                            .append(esc(message))
                            .append("</td>")
                            .append(td(num(n, 0)))
                            .append("</tr>\n"));
        }
        return b.append("</table>\n").toString();
    }

    private static String findMax(List<FindMaxStep> steps) {
        StringBuilder b = new StringBuilder(
                "<table class=\"findmax\"><tr><th>step</th><th>offered load</th>"
                        + "<th>achieved req/s</th><th>p95 ms</th><th>p99 ms</th><th>error rate</th><th class=\"l\">SLO</th></tr>\n");
        for (FindMaxStep s : steps) {
            b.append("<tr>")
                    .append(td(String.valueOf(s.step())))
                    .append(td(num(s.offeredLoad(), FindMaxStep.USERS.equals(s.offeredUnit()) ? 0 : 1) + " "
                            + esc(s.offeredUnit())))
                    .append(td(num(s.achievedPerSecond(), 1)))
                    .append(td(ms(s.p95Micros())))
                    .append(td(ms(s.p99Micros())))
                    .append(td(num(s.errorRate() * 100, 2) + " %"))
                    .append(s.pass() ? "<td class=\"l pass\">pass</td>" : "<td class=\"l fail\">fail</td>")
                    .append("</tr>\n");
        }
        return b.append("</table>\n").toString();
    }

    /**
     * @param r a run
     * @return its settings as one flat, ordered map: database, environment, seed, profile hashes, config
     */
    public static Map<String, String> settings(RunResults r) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("simulation", r.simulation());
        if (r.database() != null) {
            m.put("database.dialect", r.database().dialect());
            m.put(
                    "database.product",
                    r.database().product() + " " + r.database().version());
            m.put("database.url", r.database().url());
            m.put("database.embedded", String.valueOf(r.database().embedded()));
            m.put("database.poolSize", String.valueOf(r.database().poolSize()));
        }
        if (r.environment() != null) {
            m.put("git.commit", String.valueOf(r.environment().gitCommit()));
            m.put("salvo.version", r.environment().salvoVersion());
            m.put("java.version", r.environment().javaVersion());
            m.put("os", r.environment().os());
            m.put("workers", String.valueOf(r.environment().workerCount()));
        }
        m.put("parameterSeed", String.valueOf(r.parameterSeed()));
        r.profileHashes().forEach((k, v) -> m.put("profile." + k, v));
        m.putAll(r.config());
        return m;
    }

    private static String config(RunResults r) {
        StringBuilder b = new StringBuilder(
                "<table class=\"config\"><tr><th class=\"l\">setting</th><th class=\"l\">value" + "</th></tr>\n");
        settings(r)
                .forEach((k, v) -> b.append("<tr><td class=\"l\">")
                        .append(esc(k))
                        .append("</td><td class=\"l\">")
                        .append(esc(v))
                        .append("</td></tr>\n"));
        return b.append("</table>\n").toString();
    }
}
