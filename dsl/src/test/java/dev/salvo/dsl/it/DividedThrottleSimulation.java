package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A throttle for a distributed run: 6 users looping without pause, held at 100 requests/s for 6 s (far below what
 * they could do unthrottled); on 3 workers each holds its share, 34, 33 and 33 requests/s.
 */
public class DividedThrottleSimulation extends Simulation {
    {
        var lookup = pointLookup("divided")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000));
        setUp(scenario("divided")
                        .forever()
                        .on(exec(lookup))
                        .injectClosed(constantConcurrentUsers(6).during(8)))
                .throttle(jumpToRps(100), holdFor(Duration.ofSeconds(6)))
                .protocols(database().poolSize(2));
    }
}
