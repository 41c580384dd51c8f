package dev.salvo.simulations;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.SqlProtocolBuilder;
import dev.salvo.dsl.SqlRequestBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.LocalDate;

/**
 * Sample 01: point lookups and one range scan against the demo schema.
 *
 * <p>Run it from the repository root with {@code mvn gatling:test} (it is the default simulation). With no
 * {@code salvo.url} / {@code SALVO_URL} set, Salvo starts an embedded PostgreSQL and loads the demo schema
 * ({@code orders}: 200,000 rows; {@code customers}: 10,000 rows), then stops it when the run ends.
 *
 * <p>Reports: Gatling's under {@code target/gatling/}, Salvo's (latency in µs) under {@code target/salvo/}.
 */
public class Sample01_PointLookups extends Simulation {

    /** Users arriving per second at full load; override with -Dsalvo.sample.rate=... */
    static final int RATE = Integer.getInteger("salvo.sample.rate", 200);
    /** Seconds at full load, after a 5 s ramp; override with -Dsalvo.sample.seconds=... */
    static final int SECONDS = Integer.getInteger("salvo.sample.seconds", 15);

    // Where to run: embedded PostgreSQL unless salvo.url / SALVO_URL is set. 8 connections, 8 SQL threads.
    SqlProtocolBuilder db = database().poolSize(8);

    // A point lookup on the primary key: each request draws a fresh id, uniformly over all orders.
    SqlRequestBuilder orderById = pointLookup("order by id")
            .query(
                    "SELECT order_id, customer_id, category, status, order_date, amount FROM orders WHERE order_id = :id")
            .param("id", randomLong(1, 200_000));

    // A point lookup on the primary key of the smaller table.
    SqlRequestBuilder customerById = pointLookup("customer by id")
            .query("SELECT customer_id, name, region, signup_date FROM customers WHERE customer_id = :id")
            .param("id", randomLong(1, 10_000));

    // A range scan over three days of orders (about 800 rows), served by the order_date index.
    SqlRequestBuilder ordersInThreeDays = rangeScan("orders in 3 days")
            .query(
                    "SELECT order_id, amount FROM orders WHERE order_date >= :from AND order_date < CAST(:from AS date) + 3")
            .param("from", randomDate(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 28)));

    // Each virtual user runs the three requests once, back to back.
    ScenarioBuilder shoppers = scenario("shoppers").exec(orderById, customerById, ordersInThreeDays);

    {
        // Open model: users arrive at a rate, whatever the database's speed.
        setUp(shoppers.injectOpen(
                        rampUsersPerSec(1).to(RATE).during(5),
                        constantUsersPerSec(RATE).during(SECONDS)))
                .protocols(db);
    }
}
