package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/** A 20 ms query under a 5 ms / 10 ms SLO: the run must fail like a failed Gatling assertion. */
public class SloBreachSimulation extends Simulation {
    {
        var slow = pointLookup("slow lookup").query("SELECT pg_sleep(0.02)").slo(5, 10);
        var fast = pointLookup("fast lookup")
                .query("SELECT 1")
                .slo(60_000, 60_000); // passes however loaded the machine is
        setUp(scenario("slo").exec(slow, fast).injectOpen(atOnceUsers(10)))
                .protocols(database().poolSize(2));
    }
}
