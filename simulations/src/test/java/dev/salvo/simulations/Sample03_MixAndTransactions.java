package dev.salvo.simulations;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import dev.salvo.dsl.MixBuilder;
import dev.salvo.dsl.SqlRequestBuilder;
import dev.salvo.dsl.TransactionBuilder;
import dev.salvo.sql.QueryKind;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.LocalDate;

/**
 * Sample 03: a weighted mix of queries and a transaction, in a closed model.
 *
 * <p>{@code mvn gatling:test -Dgatling.simulationClass=dev.salvo.simulations.Sample03_MixAndTransactions}
 *
 * <p>A mix is one Gatling action that runs one of its requests per visit: 70% lookups and 30% range scans, as
 * percentages (they must sum to 100). {@code roundRobin()} makes the sequence deterministic and evenly
 * interleaved; without it the choice is random by weight (from the run's seeded stream, {@code salvo.seed}). A
 * transaction runs its statements on one connection and commits them together; it is timed and reported as one request,
 * with each statement's timing under it.
 */
public class Sample03_MixAndTransactions extends Simulation {

    static final int SECONDS = Integer.getInteger("salvo.sample.seconds", 15);

    SqlRequestBuilder lookup =
            pointLookup("lookup").table("orders").key("order_id").param("key", randomLong(1, 200_000));

    SqlRequestBuilder scan = rangeScan("scan")
            .table("orders")
            .range("order_date")
            .param("from", LocalDate.of(2025, 3, 1))
            .param("to", LocalDate.of(2025, 3, 2));

    // Move one unit from one order to another, atomically. The two ids are the transaction's parameters: drawn once per
    // execution, shared by both statements; each statement's time is reported under the transaction.
    TransactionBuilder transfer = transaction("transfer")
            .kind(QueryKind.UPDATE)
            .param("from", randomLong(1, 1000))
            .param("to", randomLong(1001, 2000))
            .statements(
                    sql("take").query("UPDATE orders SET quantity = quantity - 1 WHERE order_id = :from"),
                    sql("give").query("UPDATE orders SET quantity = quantity + 1 WHERE order_id = :to"));

    MixBuilder workload =
            mix("workload").percentages().roundRobin().add(70, lookup).add(30, scan);

    // Closed model: 4 users loop over the mix, then run one transfer, with no think time.
    ScenarioBuilder users = scenario("closed loop")
            .during(SECONDS)
            .on(repeat(20).on(exec(workload)).exec(transfer));

    {
        setUp(users.injectClosed(constantConcurrentUsers(4).during(SECONDS)))
                .protocols(database().poolSize(4));
    }
}
