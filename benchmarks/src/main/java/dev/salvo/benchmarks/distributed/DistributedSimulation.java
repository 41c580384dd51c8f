package dev.salvo.benchmarks.distributed;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * The simulation of {@code benchmarks/distributed.sh}: an open model at {@code bench.rate} users per second for
 * {@code bench.seconds}, each user inserting one new key from a {@code sequence} into {@code dist_keys} (so that
 * duplicates across workers can be counted), beside a closed model of {@code bench.users} concurrent users each running
 * one primary-key lookup. Run on one JVM or split over workers ({@code salvo.workerIndex/Count} or the environment).
 */
public class DistributedSimulation extends Simulation {
  static final int RATE = Integer.getInteger("bench.rate", 200);
  static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  static final int USERS = Integer.getInteger("bench.users", 5);

  {
    var newKey = insert("new key").query("INSERT INTO dist_keys (k) VALUES (:k)")
        .params(sequence("k", "orders.order_id")).noSlo();
    var lookup = pointLookup("lookup").query("SELECT amount FROM orders WHERE order_id = :id")
        .param("id", randomLong(1, 200_000)).noSlo();
    setUp(
        scenario("open").exec(newKey).injectOpen(constantUsersPerSec(RATE).during(SECONDS)),
        scenario("closed").exec(lookup).injectClosed(constantConcurrentUsers(USERS).during(SECONDS)))
        .protocols(database().poolSize(4));
  }
}
