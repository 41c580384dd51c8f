package dev.salvo.benchmarks.compare;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * The simulation of {@code benchmarks/compare-noise.sh}: an open model of {@code bench.rate} users per second for
 * {@code bench.seconds} (the first {@code bench.warmupSeconds} not measured), each running a primary-key lookup
 * (POINT_LOOKUP) and a count over a range of 100 ids (AGGREGATION), and one user in twenty a rare range scan
 * (RANGE_SCAN), the low-count kind whose throughput is pure Poisson noise.
 *
 * <p>Every query also spends a random 5 to 20 ms ({@code bench.waitMinMicros}, {@code bench.waitMaxMicros}) of server
 * time in {@code pg_sleep}, standing for the I/O waits of real queries; its latency is then dominated by the database
 * rather than by the scheduling delays of a shared, busy 2-core machine (with 1-4 ms, those dominated: see
 * docs/reports.md).
 * {@code bench.slowdownPercent} makes the AGGREGATION kind's server time that much longer (the wait multiplied by
 * 1 + slowdown / 100), so its latency really rises and is measured through the normal path: driver, pool, Salvo's
 * histograms. Nothing else changes.
 */
public class NoiseSimulation extends Simulation {
  static final int RATE = Integer.getInteger("bench.rate", 100);
  static final int SECONDS = Integer.getInteger("bench.seconds", 14);
  static final int WARMUP = Integer.getInteger("bench.warmupSeconds", 3);
  /** Server-side wait per query, µs: 5-20 ms, so that scheduling delays of a busy host are a small part of it. */
  static final long WAIT_MIN_US = Long.getLong("bench.waitMinMicros", 5_000);
  static final long WAIT_MAX_US = Long.getLong("bench.waitMaxMicros", 20_000);
  static final int SLOWDOWN_PERCENT = Integer.getInteger("bench.slowdownPercent", 0);

  {
    double factor = (100 + SLOWDOWN_PERCENT) / 100.0;
    var lookup = pointLookup("lookup")
        .query("SELECT o.order_id, o.amount FROM orders o, pg_sleep(CAST(:us AS float8) / 1e6) WHERE o.order_id = :id")
        .param("us", randomLong(WAIT_MIN_US, WAIT_MAX_US)).param("id", randomLong(1, 200_000)).noSlo();
    var work = aggregation("work")
        .query("SELECT count(*) FROM orders o, pg_sleep(CAST(:us AS float8) * CAST(:factor AS float8) / 1e6)"
            + " WHERE o.order_id BETWEEN :from AND :from + 100")
        .param("us", randomLong(WAIT_MIN_US, WAIT_MAX_US)).param("factor", factor).param("from", randomLong(1, 199_000)).noSlo();
    var rare = rangeScan("rare scan")
        .query("SELECT order_id FROM orders WHERE order_id BETWEEN :from AND :from + 20")
        .param("from", randomLong(1, 199_000)).noSlo();
    var users = scenario("compare noise").exec(lookup, work).randomSwitch().on(percent(5).then(exec(rare)));
    setUp(users.injectOpen(constantUsersPerSec(RATE).during(SECONDS)))
        .protocols(database().poolSize(8).warmup(WARMUP));
  }
}
