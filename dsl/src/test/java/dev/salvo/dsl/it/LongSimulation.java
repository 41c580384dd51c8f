package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/** A minute of lookups at 50/s, to be interrupted. */
public class LongSimulation extends Simulation {
    {
        var lookup = pointLookup("lookup")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000));
        setUp(scenario("long").exec(lookup).injectOpen(constantUsersPerSec(50).during(60)))
                .protocols(database());
    }
}
