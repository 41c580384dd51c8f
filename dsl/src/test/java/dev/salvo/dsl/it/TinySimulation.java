package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/** 20 users, each: 5 point lookups, then one statement that fails at run time (division by zero), then one more lookup. */
public class TinySimulation extends Simulation {
    {
        var byId = pointLookup("order by id")
                .query("SELECT * FROM orders WHERE order_id = :id")
                .param("id", randomLong(1, 200_000))
                // no SLO: 20 users due at once on a cold JVM are started late by the generator itself, and since issue
                // 20
                // that lateness is in the response times; an SLO here would make the end-to-end tests depend on machine
                // load
                .noSlo();
        var failing =
                sql("divide by zero").query("SELECT 1 / :zero").param("zero", 0).maxErrorRate(1.0);
        setUp(scenario("tiny").repeat(5).on(exec(byId)).exec(failing).exec(byId).injectOpen(atOnceUsers(20)))
                .protocols(database().poolSize(4));
    }
}
