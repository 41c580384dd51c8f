package dev.salvo.benchmarks.compare;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * The simulation of {@code benchmarks/compare-noise.sh}: an open model of {@code bench.rate} users per second for
 * {@code bench.seconds} (the first {@code bench.warmupSeconds} not measured). Each user runs ONE of two kinds, chosen
 * at random half and half: a primary-key lookup (POINT_LOOKUP, the control kind of the harness) or a count over a range
 * of 100 ids (AGGREGATION, the kind the A/B runs slow down); one user in forty then also runs a rare range scan
 * (RANGE_SCAN), the low-count kind whose throughput is pure Poisson noise.
 *
 * <p>Both main kinds are each user's first request, so they take the same path through the load generator: an open
 * model times a request from its scheduled start, and on a loaded host the first request of a user carries the
 * generator's lateness (measured: schedule lag p95 3-5 ms for the first request against 0.1-0.8 ms for the second, when
 * POINT_LOOKUP always ran before AGGREGATION), which made the first kind a poor control for the second.
 *
 * <p>Every query also spends a random 5 to 20 ms ({@code bench.waitMinMicros}, {@code bench.waitMaxMicros}) of server
 * time in {@code pg_sleep}, standing for the I/O waits of real queries. {@code bench.slowdownPercent} makes the
 * AGGREGATION kind's server time that much longer (the wait multiplied by 1 + slowdown / 100), so its latency really
 * rises and is measured through the normal path: driver, pool, Salvo's histograms. Nothing else changes.
 */
public class NoiseSimulation extends Simulation {
    static final int RATE = Integer.getInteger("bench.rate", 200);
    static final int SECONDS = Integer.getInteger("bench.seconds", 14);
    static final int WARMUP = Integer.getInteger("bench.warmupSeconds", 3);
    /** Server-side wait per query, µs: 5-20 ms, so that scheduling delays of a busy host are a small part of it. */
    static final long WAIT_MIN_US = Long.getLong("bench.waitMinMicros", 5_000);

    static final long WAIT_MAX_US = Long.getLong("bench.waitMaxMicros", 20_000);
    static final int SLOWDOWN_PERCENT = Integer.getInteger("bench.slowdownPercent", 0);

    {
        double factor = (100 + SLOWDOWN_PERCENT) / 100.0;
        var lookup = pointLookup("lookup")
                .query(
                        "SELECT o.order_id, o.amount FROM orders o, pg_sleep(CAST(:us AS float8) / 1e6) WHERE o.order_id = :id")
                .param("us", randomLong(WAIT_MIN_US, WAIT_MAX_US))
                .param("id", randomLong(1, 200_000))
                .noSlo();
        var work = aggregation("work")
                .query("SELECT count(*) FROM orders o, pg_sleep(CAST(:us AS float8) * CAST(:factor AS float8) / 1e6)"
                        + " WHERE o.order_id BETWEEN :from AND :from + 100")
                .param("us", randomLong(WAIT_MIN_US, WAIT_MAX_US))
                .param("factor", factor)
                .param("from", randomLong(1, 199_000))
                .noSlo();
        var rare = rangeScan("rare scan")
                .query("SELECT order_id FROM orders WHERE order_id BETWEEN :from AND :from + 20")
                .param("from", randomLong(1, 199_000))
                .noSlo();
        var users = scenario("compare noise")
                .randomSwitch()
                .on(percent(50).then(exec(lookup)), percent(50).then(exec(work)))
                .randomSwitch()
                .on(percent(2.5).then(exec(rare)));
        setUp(users.injectOpen(constantUsersPerSec(RATE).during(SECONDS)))
                .protocols(database().poolSize(8).warmup(WARMUP));
    }
}
