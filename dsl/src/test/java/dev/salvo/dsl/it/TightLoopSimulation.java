package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Two users, each in a 2 s tight loop of lookups, then one more request through Gatling; the first second is the warmup
 * (its requests run the measured code into the warmup sinks: counted as warmup, reported nowhere else).
 */
public class TightLoopSimulation extends Simulation {
    {
        var lookup = pointLookup("looped lookup")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000));
        var after = sql("after the loop").query("SELECT 1");
        setUp(scenario("tight")
                        .exec(tightLoop(Duration.ofSeconds(2), lookup))
                        .exec(after)
                        .injectClosed(constantConcurrentUsers(2).during(1)))
                .protocols(database().poolSize(2).warmup(Duration.ofSeconds(1)));
    }
}
