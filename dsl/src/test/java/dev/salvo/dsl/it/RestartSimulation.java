package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Point lookups at 20/s for 10 s; while the database is down each of the 4 Salvo threads waits the 250 ms pool timeout
 * per request, so failures drain at 16/s and the backlog stays small (DatabaseRestartTest stops and restarts the
 * server under it). Outages are named after 1 s; {@code -Drestart.failFast=true} turns fail-fast on.
 */
public class RestartSimulation extends Simulation {
    {
        var lookup = pointLookup("lookup")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000))
                .noSlo();
        setUp(scenario("lookups")
                        .exec(lookup)
                        .injectOpen(constantUsersPerSec(20).during(10)))
                .protocols(database()
                        .poolSize(4)
                        .connectionTimeout(Duration.ofMillis(250))
                        .unreachableAfter(Duration.ofSeconds(1))
                        .failFastWhenUnreachable(Boolean.getBoolean("restart.failFast")));
    }
}
