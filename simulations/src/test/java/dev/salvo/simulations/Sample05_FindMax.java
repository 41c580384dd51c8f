package dev.salvo.simulations;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.FindMaxBuilder;
import dev.salvo.dsl.MixBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Sample 05: find the highest stable concurrency.
 *
 * <p>{@code mvn gatling:test -Dgatling.simulationClass=dev.salvo.simulations.Sample05_FindMax}
 *
 * <p>The search starts with 2 users and adds 2 every 5 s, up to 16. After each step Salvo judges it: it stops when the
 * error rate exceeds 1%, when p95 exceeds twice the first step's, or when throughput rose less than 5%. The console
 * shows each step; results.json and index.html hold every step and the best stable one ({@code findMax.bestStep}), and
 * say whether the maximum was found or limited by {@code maxConcurrency}.
 *
 * <p>Each user loops over an 80/20 mix of implicit point lookups and one-day range scans drawn from the profiles.
 */
public class Sample05_FindMax extends Simulation {

    MixBuilder workload = mix("oltp")
            .percentages()
            .add(80, pointLookup("lookup").table("orders").key("order_id"))
            .add(
                    20,
                    rangeScan("one day")
                            .table("orders")
                            .range("order_date")
                            .params(randomInRange("from", "order_date"), offsetFromPrevious("to", "from", 1)));

    FindMaxBuilder search =
            findMax().startConcurrency(2).increment(2).maxConcurrency(16).stepDuration(5);

    {
        setUp(scenario("find max").forever().on(exec(workload)).injectClosed(search.injection()))
                .protocols(database().poolSize(16).findMax(search))
                .maxDuration(search.maxDuration().plus(Duration.ofSeconds(1)));
    }
}
