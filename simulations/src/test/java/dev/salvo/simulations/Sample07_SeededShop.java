package dev.salvo.simulations;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.SqlProtocolBuilder;
import dev.salvo.dsl.SqlRequestBuilder;
import dev.salvo.seed.SpecYaml;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Sample 07: seed a three-table shop (customers -> orders -> order_items) from a spec, then load it.
 *
 * <p>{@code seed/shop.yaml} (under {@code src/test/resources}) describes 2,000 customers, 20,000 orders with
 * Zipf-skewed customers and 1-20 lines per order. {@code database().seed(spec)} fills the run's database before load:
 * COPY into tables Salvo creates, then primary and foreign keys added and checked. {@code noDemoSchema()} leaves out
 * the demo tables, whose names the shop reuses. See docs/seeding.md.
 */
public class Sample07_SeededShop extends Simulation {

    /** Users arriving per second at full load; override with -Dsalvo.sample.rate=... */
    static final int RATE = Integer.getInteger("salvo.sample.rate", 100);
    /** Seconds at full load; override with -Dsalvo.sample.seconds=... */
    static final int SECONDS = Integer.getInteger("salvo.sample.seconds", 10);

    SqlProtocolBuilder db = database().noDemoSchema().poolSize(4).seed(SpecYaml.resource("/seed/shop.yaml"));

    // An order with its lines: the join the per-parent child counts were made for.
    SqlRequestBuilder orderWithLines = pointLookup("order with lines")
            .query("SELECT o.order_id, o.status, i.line_no, i.product, i.quantity * i.unit_price AS total "
                    + "FROM orders o JOIN order_items i ON i.order_id = o.order_id WHERE o.order_id = :id")
            .param("id", randomLong(1, 20_000));

    // A customer's orders: Zipf-skewed, so low customer ids have many.
    SqlRequestBuilder customerOrders = rangeScan("orders of a customer")
            .query(
                    "SELECT order_id, ordered_at, amount FROM orders WHERE customer_id = :customer ORDER BY ordered_at DESC "
                            + "LIMIT 20")
            .param("customer", randomLong(1, 2_000));

    ScenarioBuilder shoppers = scenario("shoppers").exec(orderWithLines, customerOrders);

    {
        setUp(shoppers.injectOpen(constantUsersPerSec(RATE).during(SECONDS))).protocols(db);
    }
}
