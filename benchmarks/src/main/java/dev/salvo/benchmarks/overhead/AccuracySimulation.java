package dev.salvo.benchmarks.overhead;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * Open-model accuracy: {@code bench.rate} users per second for {@code bench.seconds}, each running one primary-key
 * lookup. The harness compares the achieved rate (Salvo's per-second timeline) with the target.
 */
public class AccuracySimulation extends Simulation {
    static final int RATE = Integer.getInteger("bench.rate", 1000);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    {
        var lookup = pointLookup("lookup")
                .query(Lookup.NAMED_SQL)
                .param("id", randomLong(1, Lookup.MAX_ID))
                .noSlo();
        setUp(scenario("accuracy")
                        .exec(lookup)
                        .injectOpen(constantUsersPerSec(RATE).during(SECONDS)))
                .protocols(database().poolSize(8));
    }
}
