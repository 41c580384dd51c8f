package dev.salvo.dsl.it;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * A transaction whose first statement stores its shared parameter in a transaction-local setting and whose second
 * returns a row only when its own value of the parameter is the same: its rows count the executions where both
 * statements saw one value. Two users loop it for 2 s; a visit-per-request scenario runs it too.
 */
public class SharedParametersSimulation extends Simulation {
    {
        var tx = transaction("same value")
                .param("id", randomLong(1, 1_000_000_000L))
                .statements(
                        sql("remember").query("SELECT set_config('salvo.id', CAST(:id AS text), true)"),
                        sql("compare").query("SELECT 1 WHERE current_setting('salvo.id') = CAST(:id AS text)"))
                .noSlo();
        setUp(
                        scenario("loop")
                                .exec(tightLoop(Duration.ofSeconds(2), tx))
                                .injectClosed(constantConcurrentUsers(2).during(2)),
                        scenario("visits")
                                .exec(tx)
                                .injectOpen(constantUsersPerSec(50).during(2)))
                .protocols(database().poolSize(4));
    }
}
