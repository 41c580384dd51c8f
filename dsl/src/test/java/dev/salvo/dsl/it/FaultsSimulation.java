package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Faults during a run: lookups at 100/s for 8 s while another user terminates every other backend every 2 s, and a
 * statement that always exceeds the 300 ms query timeout.
 */
public class FaultsSimulation extends Simulation {
    {
        var lookup = pointLookup("lookup")
                .query("SELECT name FROM customers WHERE customer_id = :id")
                .param("id", randomLong(1, 10_000))
                .noSlo();
        var kill = sql("kill backends")
                .query(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
                .noSlo();
        var slow = sql("too slow").query("SELECT pg_sleep(2)").noSlo();
        setUp(
                        scenario("lookups")
                                .exec(lookup)
                                .injectOpen(constantUsersPerSec(100).during(8)),
                        scenario("killer")
                                .repeat(3)
                                .on(pause(Duration.ofSeconds(2)).exec(kill))
                                .injectOpen(atOnceUsers(1)),
                        scenario("slow")
                                .exec(slow)
                                .injectOpen(constantUsersPerSec(2).during(4)))
                .protocols(database().poolSize(6).queryTimeout(Duration.ofMillis(300)));
    }
}
