package dev.salvo.benchmarks.distributed;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;

/**
 * The simulation of {@code benchmarks/distributed.sh}: an open model at {@code bench.rate} users per second for
 * {@code bench.seconds}, each user inserting one new key from a {@code sequence} into {@code dist_keys} (so that
 * duplicates across workers can be counted), beside a closed model of {@code bench.users} concurrent users each running
 * one primary-key lookup. Run on one JVM or split over workers ({@code salvo.workerIndex/Count} or the environment).
 * Each inserted row records when its user arrived and which worker ({@code JOB_COMPLETION_INDEX}, -1 alone) inserted it.
 */
public class DistributedSimulation extends Simulation {
    static final int RATE = Integer.getInteger("bench.rate", 200);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    static final int USERS = Integer.getInteger("bench.users", 5);

    {
        // each row also keeps its user's scheduled arrival (epoch ms, the instant Salvo times the request from), when
        // the
        // user actually arrived (read when it reached the request, its first and only one) and which worker inserted
        // it:
        // distributed.sh counts the arrivals per second from these
        String index = System.getenv("JOB_COMPLETION_INDEX");
        var newKey = insert("new key")
                .query("INSERT INTO dist_keys (k, due_ms, arrived_ms, worker) VALUES (:k, :due, :at, :w)")
                .params(sequence("k", "orders.order_id"))
                .param("due", DistributedSimulation::dueMillis)
                .param("at", session -> System.currentTimeMillis())
                .param("w", index == null ? -1 : Integer.parseInt(index))
                .noSlo();
        var lookup = pointLookup("lookup")
                .query("SELECT amount FROM orders WHERE order_id = :id")
                .param("id", randomLong(1, 200_000))
                .noSlo();
        setUp(
                        scenario("open")
                                .exec(newKey)
                                .injectOpen(constantUsersPerSec(RATE).during(SECONDS)),
                        scenario("closed")
                                .exec(lookup)
                                .injectClosed(constantConcurrentUsers(USERS).during(SECONDS)))
                .protocols(database().poolSize(4));
    }

    /**
     * The user's scheduled arrival as the runtime holds it (its package-private {@code UserClock}, read reflectively: a
     * benchmark's look inside, not an API), on this JVM's wall clock.
     */
    static long dueMillis(io.gatling.javaapi.core.Session session) {
        Object clock = session.asScala().attributes().get("salvo.userClock").getOrElse(() -> null);
        if (clock == null) {
            throw new IllegalStateException(
                    "salvo.userClock: the open-model user must have a scheduled arrival, but had none");
        }
        try {
            java.lang.reflect.Method due = clock.getClass().getDeclaredMethod("dueNanos");
            due.setAccessible(true);
            long dueNanos = (long) due.invoke(clock);
            long nowNanos = System.nanoTime();
            long nowMillis = System.currentTimeMillis();
            return nowMillis - Math.floorDiv(nowNanos - dueNanos, 1_000_000L);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("UserClock.dueNanos: must be readable, but " + e, e);
        }
    }
}
