package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * One statement that sleeps 120 s on the server, a simulation stopped after 2 s and a drain timeout of 1 s: the drain
 * must cancel the statement on the server instead of waiting for it (FaultsRunTest).
 */
public class DrainSimulation extends Simulation {
    {
        var sleepy = aggregation("sleepy").query("SELECT pg_sleep(120)").noSlo();
        var quick = pointLookup("quick").query("SELECT 1").noSlo();
        setUp(
                        scenario("sleeper").exec(sleepy).injectOpen(atOnceUsers(1)),
                        scenario("quick")
                                .exec(quick)
                                .injectOpen(constantUsersPerSec(5).during(1)))
                .protocols(database().noDemoSchema().poolSize(2).drainTimeout(Duration.ofSeconds(1)))
                .maxDuration(Duration.ofSeconds(2));
    }
}
