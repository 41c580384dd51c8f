package ${package};

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.SqlProtocolBuilder;
import dev.salvo.dsl.SqlRequestBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A first simulation: two point lookups against Salvo's demo schema.
 *
 * <p>With no {@code salvo.url} / {@code SALVO_URL} set, Salvo starts an embedded PostgreSQL with the demo schema
 * ({@code orders}: 200,000 rows, {@code customers}: 10,000 rows) and stops it when the run ends. Point it at your own
 * database with {@code SALVO_URL=jdbc:postgresql://host:5432/db SALVO_USER=... SALVO_PASSWORD=... mvn gatling:test}
 * and change the SQL to your own tables.
 *
 * <p>Reports: Gatling's under {@code target/gatling/}, Salvo's (latency in µs, results.json) under
 * {@code target/salvo/}.
 */
public class SampleSimulation extends Simulation {
  /** Users arriving per second; -Dsample.rate=... */
  static final int RATE = Integer.getInteger("sample.rate", 50);
  /** Seconds of load; -Dsample.seconds=... */
  static final int SECONDS = Integer.getInteger("sample.seconds", 10);

  SqlProtocolBuilder db = database().poolSize(4);

  SqlRequestBuilder orderById = pointLookup("order by id")
      .query("SELECT order_id, customer_id, amount FROM orders WHERE order_id = :id")
      .param("id", randomLong(1, 200_000));

  SqlRequestBuilder customerById = pointLookup("customer by id")
      .query("SELECT customer_id, name, region FROM customers WHERE customer_id = :id")
      .param("id", randomLong(1, 10_000));

  ScenarioBuilder users = scenario("users").exec(orderById, customerById);

  {
    setUp(users.injectOpen(constantUsersPerSec(RATE).during(SECONDS))).protocols(db);
  }
}
