package dev.salvo.benchmarks.overhead;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * The fixed-rate tail harness's Salvo side: {@code bench.rate} users per second (open model) for {@code bench.warmup}
 * + {@code bench.seconds}, each running pgbench's select-only transaction ({@code pgbench -S}: one primary-key lookup
 * on {@code pgbench_accounts}) with a uniformly random key, on 8 connections, as {@code pgbench -S -R <rate> -c 8} does.
 * Arrivals are a Poisson process by default ({@code bench.arrivals=poisson}), as {@code pgbench -R} schedules its
 * transactions; {@code bench.arrivals=uniform} spaces them evenly (Gatling's plain {@code constantUsersPerSec}).
 */
public class TailSimulation extends Simulation {
    static final int RATE = Integer.getInteger("bench.rate", 500);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    static final long ACCOUNTS = Long.getLong("bench.accounts", 200_000);
    static final String ARRIVALS = System.getProperty("bench.arrivals", "poisson");

    {
        var lookup = pointLookup("pgbench -S")
                .query("SELECT abalance FROM pgbench_accounts WHERE aid = :aid")
                .param("aid", randomLong(1, ACCOUNTS))
                .noSlo();
        setUp(scenario("tail")
                        .exec(lookup)
                        .injectOpen(dev.salvo.benchmarks.crosscheck.TpcbRoundSimulation.arrivals(
                                RATE, WARMUP + SECONDS, ARRIVALS)))
                .protocols(database().poolSize(8).warmup(WARMUP));
    }
}
