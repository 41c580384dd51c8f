package dev.salvo.snowflake;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * Three requests (two with the same SQL text) against the database of salvo.url: {@link SnowflakeOfflineRunTest} points it at
 * {@link FakeSnowflakeEndpoint}.
 */
public class SnowflakeOfflineSimulation extends Simulation {
    {
        setUp(scenario("offline")
                        .exec(
                                pointLookup("by id")
                                        .query("SELECT * FROM ORDERS WHERE O_ORDERKEY = :id")
                                        .param("id", randomLong(1, 1000)),
                                pointLookup("by id again")
                                        .query("SELECT * FROM ORDERS WHERE O_ORDERKEY = :id")
                                        .param("id", randomLong(1, 1000)),
                                aggregation("count")
                                        .query("SELECT COUNT(*) FROM ORDERS WHERE O_ORDERKEY < :id")
                                        .param("id", randomLong(1, 1000)))
                        .injectOpen(constantUsersPerSec(10).during(2)))
                .protocols(database().poolSize(2));
    }
}
