package dev.salvo.patterns.workloads;

import static dev.salvo.dsl.SqlDsl.insert;
import static dev.salvo.dsl.SqlDsl.pointLookup;
import static dev.salvo.dsl.SqlDsl.randomLong;
import static dev.salvo.dsl.SqlDsl.update;

import dev.salvo.dsl.SqlDsl;
import dev.salvo.dsl.TransactionBuilder;
import dev.salvo.patterns.JavaWorkload;
import dev.salvo.patterns.Pattern;
import dev.salvo.sql.QueryKind;
import io.gatling.javaapi.core.ActionBuilder;
import java.time.Duration;

/**
 * The {@code tpcb-like} pattern's workload: pgbench's built-in script, five statements in one transaction sharing
 * {@code aid}, {@code bid}, {@code tid} and {@code delta}, drawn once per execution exactly as pgbench's
 * {@code \set ... random(...)} lines draw them (uniform). A FlakeBench template has no multi-statement transaction
 * with shared parameters, hence Java.
 */
public class TpcbLike implements JavaWorkload {
    /** Needed by the pattern loader. */
    public TpcbLike() {}

    @Override
    public ActionBuilder visit(Pattern pattern, int scale) {
        return transaction(scale);
    }

    /**
     * The transaction itself, the one definition of it in Salvo (Sample06_TpcbLike runs it too).
     *
     * @param scale pgbench's scale factor the tables were initialised with
     * @return the five statements in one transaction, with pgbench's shared draws and an SLO of p95 500 ms, p99 1 s
     */
    public static TransactionBuilder transaction(int scale) {
        return SqlDsl.transaction("tpcb-like")
                .kind(QueryKind.UPDATE)
                .param("aid", randomLong(1, 100_000L * scale))
                .param("bid", randomLong(1, scale))
                .param("tid", randomLong(1, 10L * scale))
                .param("delta", randomLong(-5000, 5000))
                .statements(
                        update("update accounts")
                                .query("UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid"),
                        pointLookup("select balance").query("SELECT abalance FROM pgbench_accounts WHERE aid = :aid"),
                        update("update tellers")
                                .query("UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid"),
                        update("update branches")
                                .query("UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid"),
                        insert("insert history")
                                .query("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime)"
                                        + " VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP)"))
                .slo(Duration.ofMillis(500), Duration.ofSeconds(1));
    }
}
