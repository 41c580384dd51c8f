package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * 4 users, each: 50 point lookups, 5 transfers (a transaction whose middle statement sleeps 5 ms), one failing division.
 * No warmup, so the server's counters cover exactly Salvo's measured requests.
 */
public class ServerStatsSimulation extends Simulation {
    {
        var byId = pointLookup("order by id")
                .query("SELECT * FROM orders WHERE order_id = :id")
                .param("id", randomLong(1, 200_000))
                .noSlo(); // latency on a busy build machine is not what this run checks
        var transfer = transaction("transfer")
                .statements( // GENERIC: no latency bounds
                        sql("take")
                                .query("UPDATE orders SET quantity = quantity - 1 WHERE order_id = :id")
                                .param("id", randomLong(1, 50)),
                        sql("dawdle").query("SELECT pg_sleep(:seconds)").param("seconds", 0.005),
                        sql("give")
                                .query("UPDATE orders SET quantity = quantity + 1 WHERE order_id = :id")
                                .param("id", randomLong(1, 50)));
        var failing = sql("divide").query("SELECT 1 / :zero").param("zero", 0).maxErrorRate(1.0);
        setUp(scenario("server")
                        .repeat(50)
                        .on(exec(byId))
                        .repeat(5)
                        .on(exec(transfer))
                        .exec(failing)
                        .injectOpen(atOnceUsers(4)))
                .protocols(database().poolSize(4));
    }
}
