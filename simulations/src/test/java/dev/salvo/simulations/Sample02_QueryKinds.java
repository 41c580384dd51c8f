package dev.salvo.simulations;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.SqlRequestBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.LocalDate;
import java.util.List;

/**
 * Sample 02: every query kind, with SQL generated from the table for the run's dialect.
 *
 * <p>{@code mvn gatling:test -Dgatling.simulationClass=dev.salvo.simulations.Sample02_QueryKinds}
 *
 * <p>Each kind has a default SQL template (see docs/dsl.md); you name the table and the columns it needs, and bind its
 * parameters: {@code :key} for lookups and updates, {@code :from} / {@code :to} for a range, one parameter per written
 * column for INSERT and UPDATE. Identifiers are quoted by the dialect; values are always bound.
 */
public class Sample02_QueryKinds extends Simulation {

    static final int SECONDS = Integer.getInteger("salvo.sample.seconds", 15);

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    // POINT_LOOKUP: SELECT "order_id", "amount" FROM "orders" WHERE "order_id" = :key
    SqlRequestBuilder lookup = pointLookup("orders: lookup")
            .table("orders")
            .key("order_id")
            .columns("order_id", "amount")
            .param("key", randomLong(1, 200_000));

    // RANGE_SCAN: SELECT * FROM "orders" WHERE "order_date" >= :from AND "order_date" < :to (one day, ~274 rows)
    SqlRequestBuilder oneDay = rangeScan("orders: one day")
            .table("orders")
            .range("order_date")
            .param("from", LocalDate.of(2024, 6, 1))
            .param("to", LocalDate.of(2024, 6, 2));

    // AGGREGATION: revenue per category over a month
    SqlRequestBuilder revenue = aggregation("orders: revenue per category")
            .table("orders")
            .groupBy("category")
            .measure("amount")
            .range("order_date")
            .param("from", FIRST_DAY)
            .param("to", FIRST_DAY.plusMonths(1));

    // WINDOWED: running totals and ranks per category over one week
    SqlRequestBuilder running = windowed("orders: running totals")
            .table("orders")
            .key("order_id")
            .groupBy("category")
            .measure("amount")
            .range("order_date")
            .param("from", FIRST_DAY)
            .param("to", FIRST_DAY.plusDays(7));

    // ANALYTICAL_JOIN: orders joined to customers, revenue per region over a month
    SqlRequestBuilder perRegion = analyticalJoin("orders x customers: revenue per region")
            .table("orders")
            .join("customers", "customer_id")
            .groupBy("region")
            .measure("amount")
            .range("order_date")
            .param("from", FIRST_DAY)
            .param("to", FIRST_DAY.plusMonths(1));

    // WIDE_SCAN: every column of one week of orders
    SqlRequestBuilder week = wideScan("orders: one week, all columns")
            .table("orders")
            .range("order_date")
            .param("from", FIRST_DAY)
            .param("to", FIRST_DAY.plusDays(7));

    // APPROX_DISTINCT: the dialect's approximate count (PostgreSQL: exact count(DISTINCT ...))
    SqlRequestBuilder customers =
            approxDistinct("orders: distinct customers").table("orders").columns("customer_id");

    // UPDATE: UPDATE "customers" SET "region" = :region WHERE "customer_id" = :key
    SqlRequestBuilder move = update("customers: change region")
            .table("customers")
            .key("customer_id")
            .columns("region")
            .param("key", randomLong(1, 10_000))
            .param("region", "north");

    // INSERT: new customers with ids above the demo data, from the session's user id
    SqlRequestBuilder signup = insert("customers: sign up")
            .table("customers")
            .columns("customer_id", "name", "region", "signup_date")
            .param("customer_id", s -> 1_000_000 + (int) s.userId())
            .param("name", s -> "new-" + s.userId())
            .param("region", "south")
            .param("signup_date", LocalDate.of(2026, 1, 1));

    // GENERIC: anything else, written out; a list parameter expands IN (:ids)
    SqlRequestBuilder some = sql("orders: some ids")
            .query("SELECT order_id FROM orders WHERE order_id IN (:ids)")
            .param("ids", List.of(1L, 2L, 3L, 5L, 8L));

    ScenarioBuilder tour = scenario("query kinds")
            .exec(lookup, oneDay, revenue, running, perRegion, week, customers, move, signup, some);

    {
        setUp(tour.injectOpen(constantUsersPerSec(4).during(SECONDS)))
                .protocols(database().poolSize(4));
    }
}
