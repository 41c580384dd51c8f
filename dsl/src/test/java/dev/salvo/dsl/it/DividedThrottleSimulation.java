package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A throttle for a distributed run: 9 users looping without pause, held at 31 requests/s for 10 s (far below what they
 * could do unthrottled, even on a loaded machine); on 3 workers each holds its share, 11, 10 and 10 requests/s.
 */
public class DividedThrottleSimulation extends Simulation {
    {
        var lookup = pointLookup("divided")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000))
                .noSlo(); // the test is about counts; the kind's default SLO failed it at load average 12 (exit 1)
        setUp(scenario("divided")
                        .forever()
                        .on(exec(lookup))
                        .injectClosed(constantConcurrentUsers(9).during(12)))
                .throttle(jumpToRps(31), holdFor(Duration.ofSeconds(10)))
                .protocols(database().poolSize(3));
    }
}
