package dev.salvo.reports.internal;

import static dev.salvo.reports.internal.Html.esc;
import static dev.salvo.reports.internal.Html.num;

import dev.salvo.reports.SnowflakeResults;
import java.util.List;
import java.util.Locale;

/** The comparison page's Snowflake cost table: QPS per credit and cost per 1,000 queries per run. Internal. */
final class SnowflakeComparison {
    private SnowflakeComparison() {}

    /**
     * @param runs each run's Snowflake results (null for a run without), in the comparison's order
     * @param labels the runs' labels
     * @return the table, empty unless at least two runs have a cost estimate
     */
    static String render(List<SnowflakeResults> runs, List<String> labels) {
        if (runs == null
                || runs.stream().filter(s -> s != null && s.cost() != null).count() < 2) {
            return "";
        }
        SnowflakeResults.Cost base = runs.get(0) == null ? null : runs.get(0).cost();
        StringBuilder b = new StringBuilder("<h2>Snowflake cost (estimates)</h2>\n<table class=\"deltas\""
                + " id=\"snowflake-cost-comparison\"><tr><th class=\"l\">run</th><th class=\"l\">warehouse</th>"
                + "<th>credits</th><th>queries/s per credit</th><th>Δ vs A</th><th>credits per 1,000 queries</th>"
                + "<th>price per 1,000 queries</th></tr>\n");
        for (int i = 0; i < runs.size(); i++) {
            SnowflakeResults s = runs.get(i);
            SnowflakeResults.Cost c = s == null ? null : s.cost();
            b.append("<tr><td class=\"l\">").append(esc(labels.get(i))).append("</td>");
            if (c == null) {
                b.append("<td class=\"l\">no Snowflake cost estimate</td>")
                        .append("<td></td>".repeat(5))
                        .append("</tr>\n");
                continue;
            }
            SnowflakeResults.Warehouse w =
                    s.warehouse().isEmpty() ? null : s.warehouse().get(0);
            b.append("<td class=\"l\">")
                    .append(w == null ? "" : esc(w.size() + " " + w.type()))
                    .append("</td><td>")
                    .append(num(c.credits(), 4))
                    .append("</td><td>")
                    .append(c.qpsPerCredit() == null ? "" : num(c.qpsPerCredit(), 1))
                    .append("</td><td>")
                    .append(
                            i == 0 || base == null || base.qpsPerCredit() == null || c.qpsPerCredit() == null
                                    ? ""
                                    : String.format(
                                            Locale.ROOT, "%+.1f%%", (c.qpsPerCredit() / base.qpsPerCredit() - 1) * 100))
                    .append("</td><td>")
                    .append(c.creditsPer1000Queries() == null ? "" : num(c.creditsPer1000Queries(), 6))
                    .append("</td><td>")
                    .append(c.pricePer1000Queries() == null ? "" : num(c.pricePer1000Queries(), 6))
                    .append("</td></tr>\n");
        }
        return b.append(
                        "</table>\n<p class=\"note\">From each run's snowflake.json: polled cluster time at the documented"
                                + " credit rates, not Snowflake's bill (docs/snowflake.md). Higher queries/s per credit is cheaper"
                                + " throughput.</p>\n")
                .toString();
    }
}
