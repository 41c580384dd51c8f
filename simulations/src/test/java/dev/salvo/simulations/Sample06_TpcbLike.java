package dev.salvo.simulations;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.SqlProtocolBuilder;
import dev.salvo.dsl.TransactionBuilder;
import dev.salvo.patterns.Pattern;
import dev.salvo.patterns.PatternSetup;
import dev.salvo.patterns.Patterns;
import dev.salvo.patterns.workloads.TpcbLike;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sample 06: pgbench's built-in "TPC-B (sort of)" script, {@code tpcb-like}, statement for statement.
 *
 * <p>{@code mvn gatling:test -Dgatling.simulationClass=dev.salvo.simulations.Sample06_TpcbLike}
 *
 * <p>pgbench's script draws four values and runs five statements in one transaction:
 *
 * <pre>
 * \set aid random(1, 100000 * :scale)
 * \set bid random(1, 1 * :scale)
 * \set tid random(1, 10 * :scale)
 * \set delta random(-5000, 5000)
 * BEGIN;
 * UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
 * SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
 * UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid;
 * UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid;
 * INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
 * END;
 * </pre>
 *
 * <p>The transaction is the built-in {@code tpcb-like} pattern's ({@code TpcbLike.transaction(scale)} in the patterns
 * module, so the sample and {@code salvo pattern tpcb-like} run the same definition). Its four values are the
 * transaction's shared parameters: drawn once per execution from Salvo's seeded stream
 * ({@code salvo.seed}) and used by every statement that names them. Each statement is timed on its own and reported
 * under the transaction (results.json, Salvo's report, Gatling's report as a group), so the hot row, {@code
 * pgbench_branches} with one row per scale unit, shows up as the slow statement. The closed model with a tight loop is
 * {@code pgbench -c 4 -T 15 -M prepared}.
 *
 * <p>On the embedded database the sample first creates pgbench's schema at scale {@code salvo.sample.scale} (default 1)
 * the way {@code pgbench -i -I dtGvp} does: branches {@code scale} rows, tellers {@code 10 * scale}, accounts
 * {@code 100000 * scale}, history empty, primary keys, vacuum. On your own database ({@code SALVO_URL}), run
 * {@code pgbench -i -s <scale>} first and pass the same scale.
 */
public class Sample06_TpcbLike extends Simulation {

    static final int SECONDS = Integer.getInteger("salvo.sample.seconds", 15);
    static final int SCALE = Integer.getInteger("salvo.sample.scale", 1);
    static final int CLIENTS = 4;

    /**
     * pgbench -i's tables and data: the built-in {@code tpcb-like} pattern's DDL and seed (patterns module, resources
     * {@code salvo/patterns/tpcb-like/}), dropped first so that the sample can run again on the same database.
     */
    static final String[] PGBENCH_INIT = pgbenchInit();

    static String[] pgbenchInit() {
        Pattern p = Patterns.load("tpcb-like");
        List<String> sql = new ArrayList<>(
                List.of("DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers"));
        sql.addAll(PatternSetup.statements(p.file("postgres.sql")));
        sql.addAll(PatternSetup.statements(p.file("seed.sql").replace("${scale}", Integer.toString(SCALE))));
        return sql.toArray(String[]::new);
    }

    // The five statements with their shared parameters: the tpcb-like pattern's transaction (TpcbLike.transaction
    // in the patterns module is the one definition; read it there)
    TransactionBuilder tpcb = TpcbLike.transaction(SCALE);

    SqlProtocolBuilder db = database().poolSize(CLIENTS).noDemoSchema().embeddedSetup(PGBENCH_INIT);

    {
        // CLIENTS users, each running the transaction back to back on its own connection for the whole run
        setUp(scenario("pgbench clients")
                        .exec(tightLoop(Duration.ofSeconds(SECONDS), tpcb))
                        .injectClosed(constantConcurrentUsers(CLIENTS).during(SECONDS)))
                .protocols(db);
    }
}
