package dev.salvo.benchmarks.overhead;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * Open-model accuracy: {@code bench.rate} users per second for {@code bench.warmup} (default 0) plus
 * {@code bench.seconds} seconds, each running one primary-key lookup; the first {@code bench.warmup} seconds are Salvo's
 * warmup, not measured. The harness compares the achieved rate (Salvo's per-second timeline) with the target.
 */
public class AccuracySimulation extends Simulation {
    static final int RATE = Integer.getInteger("bench.rate", 1000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int WARMUP = Integer.getInteger("bench.warmup", 0);

    {
        var lookup = pointLookup("lookup")
                .query(Lookup.NAMED_SQL)
                .param("id", randomLong(1, Lookup.MAX_ID))
                .noSlo();
        setUp(scenario("accuracy")
                        .exec(lookup)
                        .injectOpen(constantUsersPerSec(RATE).during(WARMUP + SECONDS)))
                .protocols(database().poolSize(8).warmup(WARMUP));
    }
}
