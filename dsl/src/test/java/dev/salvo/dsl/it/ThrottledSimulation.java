package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** Throttling caps Salvo's requests: 4 users looping without pause, held at 50 requests/s for 3 s. */
public class ThrottledSimulation extends Simulation {
    {
        var lookup = pointLookup("throttled")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000));
        setUp(scenario("throttled")
                        .forever()
                        .on(exec(lookup))
                        .injectClosed(constantConcurrentUsers(4).during(4)))
                .throttle(reachRps(50).in(Duration.ofSeconds(1)), holdFor(Duration.ofSeconds(3)))
                .maxDuration(Duration.ofSeconds(4))
                .protocols(database().poolSize(4));
    }
}
