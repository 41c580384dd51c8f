package dev.salvo.snowflake;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/** A simulation whose database comes from salvo.url: the no-network test points it at a Snowflake URL nobody serves. */
public class SnowflakeUnreachableSimulation extends Simulation {
    {
        setUp(scenario("unreachable").exec(sql("one").query("SELECT 1")).injectOpen(atOnceUsers(1)))
                .protocols(database());
    }
}
