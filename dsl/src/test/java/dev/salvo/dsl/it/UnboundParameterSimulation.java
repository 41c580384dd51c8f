package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/** A parameter used in the SQL but never bound: the run must stop while the simulation is built. */
public class UnboundParameterSimulation extends Simulation {
    {
        setUp(scenario("unbound")
                        .exec(sql("lookup").query("SELECT * FROM orders WHERE order_id = :id"))
                        .injectOpen(atOnceUsers(1)))
                .protocols(database());
    }
}
