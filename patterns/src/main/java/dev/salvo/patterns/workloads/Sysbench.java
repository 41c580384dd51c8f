package dev.salvo.patterns.workloads;

import static dev.salvo.dsl.SqlDsl.aggregation;
import static dev.salvo.dsl.SqlDsl.insert;
import static dev.salvo.dsl.SqlDsl.offsetFromPrevious;
import static dev.salvo.dsl.SqlDsl.pointLookup;
import static dev.salvo.dsl.SqlDsl.randomLong;
import static dev.salvo.dsl.SqlDsl.randomNumeric;
import static dev.salvo.dsl.SqlDsl.rangeScan;
import static dev.salvo.dsl.SqlDsl.sql;
import static dev.salvo.dsl.SqlDsl.transaction;
import static dev.salvo.dsl.SqlDsl.update;

import dev.salvo.dsl.SqlRequestBuilder;
import dev.salvo.dsl.TransactionBuilder;
import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.patterns.JavaWorkload;
import dev.salvo.patterns.Pattern;
import dev.salvo.patterns.PatternException;
import dev.salvo.sql.QueryKind;
import io.gatling.javaapi.core.ActionBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * sysbench's OLTP scripts ({@code oltp_point_select}, {@code oltp_read_only}, {@code oltp_read_write} of
 * akopytov/sysbench, defaults: one table, {@code --table-size} 10,000 per scale unit, {@code --range-size} 100, 10 point
 * selects, one of each range select, one index and one non-index update, one delete and insert; ids uniform, as
 * {@code --rand-type=uniform}) on its table {@code sbtest1 (id, k, c char(120), pad char(60))} with the index on
 * {@code k}. One event is one request: a single point select, or the whole read-only / read-write transaction, each
 * statement drawing its own id as sysbench's do (the delete and the insert share theirs). Java, not a template: a
 * template has no multi-statement transaction.
 */
public class Sysbench implements JavaWorkload {
    /** sysbench's default {@code --table-size}: rows per scale unit. */
    public static final long ROWS_PER_SCALE = 10_000;

    static final int RANGE_SIZE = 100;
    static final int POINT_SELECTS = 10;

    /** Needed by the pattern loader. */
    public Sysbench() {}

    @Override
    public ActionBuilder visit(Pattern pattern, int scale) {
        long rows = ROWS_PER_SCALE * scale;
        return switch (pattern.name()) {
            case "sysbench-point-select" ->
                pointSelect("point select", rows).slo(Duration.ofMillis(10), Duration.ofMillis(50));
            case "sysbench-read-only" ->
                transaction("read-only")
                        .kind(QueryKind.GENERIC)
                        .statements(readOnly(rows))
                        .slo(Duration.ofMillis(100), Duration.ofMillis(300));
            case "sysbench-read-write" -> readWrite(rows);
            default ->
                throw new PatternException("pattern " + pattern.id() + ": its name must be sysbench-point-select, "
                        + "sysbench-read-only or sysbench-read-write, but was '" + pattern.name() + "'");
        };
    }

    private static TransactionBuilder readWrite(long rows) {
        List<SqlRequestBuilder> s = new ArrayList<>(List.of(readOnly(rows)));
        s.add(update("index update")
                .query("UPDATE sbtest1 SET k = k + 1 WHERE id = :id")
                .param("id", id(rows)));
        s.add(update("non-index update")
                .query("UPDATE sbtest1 SET c = :c WHERE id = :id")
                .param("id", id(rows))
                .param("c", digits(11, 10)));
        s.add(sql("delete").query("DELETE FROM sbtest1 WHERE id = :del_id"));
        s.add(insert("insert")
                .query("INSERT INTO sbtest1 (id, k, c, pad) VALUES (:del_id, :k, :c, :pad)")
                .param("k", id(rows))
                .param("c", digits(11, 10))
                .param("pad", digits(11, 5)));
        return transaction("read-write")
                .kind(QueryKind.GENERIC)
                .param("del_id", id(rows))
                .statements(s.toArray(SqlRequestBuilder[]::new))
                .slo(Duration.ofMillis(150), Duration.ofMillis(500));
    }

    private static SqlRequestBuilder[] readOnly(long rows) {
        List<SqlRequestBuilder> s = new ArrayList<>();
        for (int i = 1; i <= POINT_SELECTS; i++) {
            s.add(pointSelect("point select " + i, rows));
        }
        String range = " FROM sbtest1 WHERE id BETWEEN :first AND :last";
        s.add(range(rangeScan("simple range").query("SELECT c" + range), rows));
        s.add(range(aggregation("sum range").query("SELECT SUM(k)" + range), rows));
        s.add(range(rangeScan("order range").query("SELECT c" + range + " ORDER BY c"), rows));
        s.add(range(rangeScan("distinct range").query("SELECT DISTINCT c" + range + " ORDER BY c"), rows));
        return s.toArray(SqlRequestBuilder[]::new);
    }

    private static SqlRequestBuilder pointSelect(String name, long rows) {
        return pointLookup(name).query("SELECT c FROM sbtest1 WHERE id = :id").param("id", id(rows));
    }

    /** sysbench's range: a start id, then {@code id BETWEEN start AND start + range_size - 1}. */
    private static SqlRequestBuilder range(SqlRequestBuilder request, long rows) {
        return request.params(randomNumeric("first", 1, rows), offsetFromPrevious("last", "first", RANGE_SIZE - 1));
    }

    private static ParameterStrategy<Long> id(long rows) {
        return randomLong(1, rows);
    }

    /** @return sysbench's random string: {@code groups} groups of {@code width} digits joined by '-' */
    static ParameterStrategy<String> digits(int width, int groups) {
        return r -> {
            StringBuilder b = new StringBuilder(groups * (width + 1));
            for (int g = 0; g < groups; g++) {
                if (g > 0) {
                    b.append('-');
                }
                for (int i = 0; i < width; i++) {
                    b.append((char) ('0' + r.nextInt(10)));
                }
            }
            return b.toString();
        };
    }
}
