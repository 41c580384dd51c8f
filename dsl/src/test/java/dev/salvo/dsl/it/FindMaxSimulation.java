package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.FindMaxBuilder;
import io.gatling.javaapi.core.Simulation;

/** A CPU-bound scan on a 2-core machine: throughput stops rising after a few users, and the search must say so. */
public class FindMaxSimulation extends Simulation {
    {
        var scan = aggregation("scan")
                .query("SELECT count(*) FROM orders WHERE amount > :x")
                .param("x", 500)
                .noSlo();
        FindMaxBuilder search = findMax()
                .startConcurrency(1)
                .increment(3)
                .maxConcurrency(22)
                .stepDuration(2)
                .minThroughputGain(10);
        setUp(scenario("find max").forever().on(exec(scan)).injectClosed(search.injection()))
                .protocols(database().poolSize(22).findMax(search))
                .maxDuration(search.maxDuration());
    }
}
