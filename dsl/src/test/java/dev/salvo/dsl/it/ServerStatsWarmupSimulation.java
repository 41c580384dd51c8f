package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * 2 users, each: 20 point lookups in a 3 s warmup (while Salvo practises its server calls), a pause past the end of the
 * warmup, then 30 measured lookups. The server's counters must cover the 60 measured lookups only.
 */
public class ServerStatsWarmupSimulation extends Simulation {
    {
        var byId = pointLookup("order by id")
                .query("SELECT * FROM orders WHERE order_id = :id")
                .param("id", randomLong(1, 200_000))
                .noSlo();
        setUp(scenario("server warmup")
                        .repeat(20)
                        .on(exec(byId))
                        .pause(Duration.ofSeconds(5))
                        .repeat(30)
                        .on(exec(byId))
                        .injectOpen(atOnceUsers(2)))
                .protocols(database().poolSize(2).warmup(Duration.ofSeconds(3)));
    }
}
