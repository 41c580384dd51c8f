package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.sql.QueryKind;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Terminated backends during a transaction mix: 100 visits/s for 8 s of a mix of a three-statement transaction (80%,
 * with a 5 ms pause between its updates so that backends die mid-transaction) and a lookup (20%), while another user
 * terminates every other client backend every 2 s.
 */
public class TransactionFaultsSimulation extends Simulation {
    {
        var transfer = transaction("transfer")
                .kind(QueryKind.UPDATE)
                .param("from", randomLong(1, 1000))
                .param("to", randomLong(1001, 2000))
                .statements(
                        sql("take").query("UPDATE orders SET quantity = quantity - 1 WHERE order_id = :from"),
                        sql("pause").query("SELECT pg_sleep(0.005)"),
                        sql("give").query("UPDATE orders SET quantity = quantity + 1 WHERE order_id = :to"))
                .noSlo();
        var lookup = pointLookup("lookup")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000))
                .noSlo();
        var kill = sql("kill backends")
                .query(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
                .noSlo();
        setUp(
                        scenario("mix")
                                .exec(mix("tx mix").add(80, transfer).add(20, lookup))
                                .injectOpen(constantUsersPerSec(100).during(8)),
                        scenario("killer")
                                .repeat(3)
                                .on(pause(Duration.ofSeconds(2)).exec(kill))
                                .injectOpen(atOnceUsers(1)))
                .protocols(database().poolSize(6));
    }
}
