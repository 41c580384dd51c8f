package dev.salvo.snowflake;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The live suite's short mixed run: two requests on the table named by {@code SALVO_SNOWFLAKE_TABLE} (default
 * {@code ORDERS}, TPC-H columns; point {@code SALVO_DATABASE=SNOWFLAKE_SAMPLE_DATA}, {@code SALVO_SCHEMA=TPCH_SF1} at
 * the shared sample data), 2 users per second for 20 s. Credentials come from the environment the test inherits
 * ({@code SALVO_SNOWFLAKE_URL}, {@code SALVO_SNOWFLAKE_USER}, {@code SALVO_SNOWFLAKE_PASSWORD} or the key-pair
 * variables), never from the command line.
 */
public class SnowflakeLiveSimulation extends Simulation {
    static final String TABLE = System.getenv().getOrDefault("SALVO_SNOWFLAKE_TABLE", "ORDERS");

    {
        var db = database()
                .url(System.getenv("SALVO_SNOWFLAKE_URL"))
                .user(System.getenv("SALVO_SNOWFLAKE_USER"))
                .password(System.getenv("SALVO_SNOWFLAKE_PASSWORD"))
                .poolSize(2)
                .queryTimeout(Duration.ofSeconds(60));
        var byKey = pointLookup("order by key")
                .query("SELECT * FROM " + TABLE + " WHERE O_ORDERKEY = :k")
                .param("k", randomLong(1, 6_000_000));
        var byStatus = aggregation("count by status")
                .query("SELECT COUNT(*) FROM " + TABLE + " WHERE O_ORDERSTATUS = :s")
                .param("s", randomLong(0, 2));
        setUp(scenario("live mix")
                        .exec(byKey, byStatus)
                        .injectOpen(constantUsersPerSec(2).during(20)))
                .protocols(db);
    }
}
