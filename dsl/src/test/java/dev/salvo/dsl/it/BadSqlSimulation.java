package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/** SQL the database cannot parse: the run must stop before load with one line. */
public class BadSqlSimulation extends Simulation {
    {
        setUp(scenario("bad").exec(sql("broken").query("SELEC * FROM orders")).injectOpen(atOnceUsers(1)))
                .protocols(database());
    }
}
