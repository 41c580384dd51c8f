package dev.salvo.simulations;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.SqlRequestBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Test simulation for scheduled arrivals: open-model scenarios with every kind of step, run side by side and chained
 * with {@code andThen}, beside a closed-model scenario. 167 open-model users in all.
 */
public class MixedInjectionSimulation extends Simulation {
    /** Open-model users the profiles below create. */
    public static final int OPEN_USERS = 100 + 7 + 20 + 30 + 10;

    {
        SqlRequestBuilder lookup = pointLookup("lookup")
                .query("SELECT order_id, amount FROM orders WHERE order_id = :id")
                .param("id", randomLong(1, 200_000));
        setUp(
                        scenario("constant")
                                .exec(lookup, lookup)
                                .injectOpen(constantUsersPerSec(50).during(2)),
                        scenario("stepwise")
                                .pause(Duration.ofMillis(20))
                                .exec(lookup)
                                .injectOpen(
                                        nothingFor(Duration.ofSeconds(1)),
                                        atOnceUsers(7),
                                        rampUsers(20).during(1))
                                .andThen(scenario("chained")
                                        .exec(lookup)
                                        .injectOpen(constantUsersPerSec(10).during(1))),
                        scenario("peak")
                                .exec(lookup)
                                .injectOpen(stressPeakUsers(30).during(2)),
                        scenario("closed")
                                .exec(lookup)
                                .injectClosed(constantConcurrentUsers(2).during(2)))
                .protocols(database().poolSize(4));
    }
}
