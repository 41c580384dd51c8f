package dev.salvo.snowflake;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/** A short run on the embedded PostgreSQL, to give {@link SnowflakeSectionTest} a real results.json. */
public class SectionSimulation extends Simulation {
    static final String BY_ID = "SELECT * FROM orders WHERE order_id = :id";
    static final String COUNT = "SELECT count(*) FROM orders WHERE order_id < :id";

    {
        setUp(scenario("section")
                        .exec(
                                pointLookup("by id").query(BY_ID).param("id", randomLong(1, 200_000)),
                                aggregation("count").query(COUNT).param("id", randomLong(1, 200_000)))
                        .injectOpen(constantUsersPerSec(20).during(3)))
                .protocols(database());
    }
}
