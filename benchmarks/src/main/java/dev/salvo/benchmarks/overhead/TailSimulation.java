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
 * {@code bench.mode=paced} runs the same schedule as Salvo's paced loop instead (pgbench's own design: 8 users, one per
 * connection, each taking the next arrival and sending it itself; no Gatling user per arrival).
 * {@code bench.gatlingStats=false} keeps Salvo's requests out of Gatling's StatsEngine (a diagnosis of its cost).
 */
public class TailSimulation extends Simulation {
    static final int RATE = Integer.getInteger("bench.rate", 500);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    static final long ACCOUNTS = Long.getLong("bench.accounts", 200_000);
    static final String ARRIVALS = System.getProperty("bench.arrivals", "poisson");
    static final String MODE = System.getProperty("bench.mode", "open");

    {
        var lookup = pointLookup("pgbench -S")
                .query("SELECT abalance FROM pgbench_accounts WHERE aid = :aid")
                .param("aid", randomLong(1, ACCOUNTS))
                .noSlo();
        var tail = MODE.equals("paced")
                ? scenario("tail")
                        .exec(pacedLoop(java.time.Duration.ofSeconds(WARMUP + SECONDS), RATE, lookup))
                        .injectOpen(atOnceUsers(8))
                : scenario("tail")
                        .exec(lookup)
                        .injectOpen(dev.salvo.benchmarks.crosscheck.TpcbRoundSimulation.arrivals(
                                RATE, WARMUP + SECONDS, ARRIVALS));
        var protocol = database().poolSize(8).warmup(WARMUP);
        setUp(tail)
                .protocols(
                        Boolean.parseBoolean(System.getProperty("bench.gatlingStats", "true"))
                                ? protocol
                                : protocol.noGatlingRequestStats());
    }
}
