package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * An open model at 200 lookups/s for 4 s, with a 1 s warmup; after 2 s another user locks the table for 500 ms.
 * Requests that arrive during the stall queue behind the 3 blocked connections: their response time must show it.
 */
public class StallSimulation extends Simulation {
    {
        var lookup = pointLookup("lookup")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000))
                .noSlo();
        var stall = transaction("stall")
                .statements(
                        sql("lock").query("LOCK TABLE customers IN ACCESS EXCLUSIVE MODE"),
                        sql("hold").query("SELECT pg_sleep(0.5)"));
        setUp(
                        scenario("lookups")
                                .exec(lookup)
                                .injectOpen(constantUsersPerSec(200).during(4)),
                        scenario("staller")
                                .pause(Duration.ofMillis(2000))
                                .exec(stall)
                                .injectOpen(atOnceUsers(1)))
                .protocols(database().poolSize(4).warmup(Duration.ofSeconds(1)));
    }
}
