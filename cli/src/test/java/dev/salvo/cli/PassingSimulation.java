package dev.salvo.cli;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/** 10 users, 3 point lookups each, with SLOs a loaded test machine cannot breach: the run passes. */
public class PassingSimulation extends Simulation {
    {
        var byId = pointLookup("order by id")
                .query("SELECT * FROM orders WHERE order_id = :id")
                .param("id", randomLong(1, 200_000))
                .slo(60_000, 60_000);
        setUp(scenario("passing").repeat(3).on(exec(byId)).injectOpen(atOnceUsers(10)))
                .protocols(database().poolSize(2));
    }
}
