package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Two paced loops: lookups at 100 arrivals/s for 3 s shared by four users (the first second is the warmup), and 50 ms
 * sleeps at 60 arrivals/s for 2 s on one user, which can serve only 20/s, so its schedule falls behind and the lateness
 * must show in the response times.
 */
public class PacedLoopSimulation extends Simulation {
    {
        var lookup = pointLookup("paced lookup")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000));
        var slow = sql("paced sleep").query("SELECT pg_sleep(0.05)");
        setUp(
                        scenario("paced")
                                .exec(pacedLoop(Duration.ofSeconds(3), 100, lookup))
                                .injectOpen(atOnceUsers(4)),
                        scenario("behind")
                                .exec(pacedLoop(Duration.ofSeconds(2), 60, slow))
                                .injectOpen(atOnceUsers(1)))
                .protocols(database().poolSize(5).warmup(Duration.ofSeconds(1)));
    }
}
