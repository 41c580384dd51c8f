package dev.salvo.simulations;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.SqlRequestBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Sample 04: parameters that look like the real data, drawn from column profiles.
 *
 * <p>{@code mvn gatling:test -Dgatling.simulationClass=dev.salvo.simulations.Sample04_ProfileBackedParameters}
 *
 * <p>On the first run Salvo profiles the columns it needs (PostgreSQL's planner statistics, or a sample) and writes a
 * snapshot per table under {@code src/test/resources/salvo/profiles/} (commit it: later runs reuse it, even without the
 * database; {@code -Dsalvo.refreshProfiles=true} profiles again). Each snapshot's SHA-256 and the seed
 * ({@code -Dsalvo.seed=...}) go into results.json, so a run's parameter stream can be reproduced.
 */
public class Sample04_ProfileBackedParameters extends Simulation {

    static final int SECONDS = Integer.getInteger("salvo.sample.seconds", 15);

    // No parameters given: the kind's implicit ones. A point lookup samples existing keys from the profile.
    SqlRequestBuilder byKey = pointLookup("order by key").table("orders").key("order_id");

    // A range starting anywhere within the profiled dates, 7 or 30 days long.
    SqlRequestBuilder dateRange = rangeScan("orders in a date range")
            .table("orders")
            .range("order_date")
            .params(randomInRange("from", "order_date"), offsetFromPrevious("to", "from", 7, 30));

    // Categories as often as they really occur ('books' about 44% of the time): realistic selectivity and caching.
    SqlRequestBuilder byCategory = aggregation("revenue of a category")
            .query("SELECT status, count(*), sum(amount) FROM orders WHERE category = :category GROUP BY status")
            .params(weightedSample("category", "orders.category"));

    // An IN list of 3 to 10 distinct customers.
    SqlRequestBuilder someCustomers = pointLookup("some customers")
            .query("SELECT customer_id, name FROM customers WHERE customer_id IN (:ids)")
            .params(sampleList("ids", "customers.customer_id", 3, 10));

    ScenarioBuilder users = scenario("profile-backed").exec(byKey, dateRange, byCategory, someCustomers);

    {
        setUp(users.injectOpen(constantUsersPerSec(20).during(SECONDS)))
                .protocols(database().seed(42));
    }
}
