package dev.salvo.simulations;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.SqlProtocolBuilder;
import dev.salvo.dsl.TransactionBuilder;
import dev.salvo.sql.QueryKind;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

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
 * <p>Here the four values are the transaction's shared parameters: drawn once per execution from Salvo's seeded stream
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

  /** pgbench -i's tables (its DDL, fillfactor included), data generated on the server, keys, statistics. */
  static final String[] PGBENCH_INIT = {
    "DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers",
    "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))",
    "CREATE TABLE pgbench_tellers (tid int NOT NULL, bid int, tbalance int, filler char(84)) WITH (fillfactor = 100)",
    "CREATE TABLE pgbench_accounts (aid int NOT NULL, bid int, abalance int, filler char(84)) WITH (fillfactor = 100)",
    "CREATE TABLE pgbench_branches (bid int NOT NULL, bbalance int, filler char(88)) WITH (fillfactor = 100)",
    "INSERT INTO pgbench_branches (bid, bbalance) SELECT bid, 0 FROM generate_series(1, " + SCALE + ") AS bid",
    "INSERT INTO pgbench_tellers (tid, bid, tbalance) SELECT tid, (tid - 1) / 10 + 1, 0 FROM generate_series(1, "
        + 10 * SCALE + ") AS tid",
    "INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT aid, (aid - 1) / 100000 + 1, 0, ''"
        + " FROM generate_series(1, " + 100_000 * SCALE + ") AS aid",
    "ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)",
    "ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)",
    "ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)",
    "VACUUM ANALYZE pgbench_branches, pgbench_tellers, pgbench_accounts, pgbench_history",
  };

  // The five statements; their parameters are the transaction's.
  TransactionBuilder tpcb = transaction("tpcb-like").kind(QueryKind.UPDATE)
      .param("aid", randomLong(1, 100_000L * SCALE))
      .param("bid", randomLong(1, SCALE))
      .param("tid", randomLong(1, 10L * SCALE))
      .param("delta", randomLong(-5000, 5000))
      .statements(
          update("update accounts").query("UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid"),
          pointLookup("select balance").query("SELECT abalance FROM pgbench_accounts WHERE aid = :aid"),
          update("update tellers").query("UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid"),
          update("update branches").query("UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid"),
          insert("insert history").query("INSERT INTO pgbench_history (tid, bid, aid, delta, mtime)"
              + " VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP)"))
      .slo(Duration.ofMillis(500), Duration.ofSeconds(1));

  SqlProtocolBuilder db = database().poolSize(CLIENTS).noDemoSchema().embeddedSetup(PGBENCH_INIT);

  {
    // CLIENTS users, each running the transaction back to back on its own connection for the whole run
    setUp(scenario("pgbench clients").exec(tightLoop(Duration.ofSeconds(SECONDS), tpcb))
            .injectClosed(constantConcurrentUsers(CLIENTS).during(SECONDS)))
        .protocols(db);
  }
}
