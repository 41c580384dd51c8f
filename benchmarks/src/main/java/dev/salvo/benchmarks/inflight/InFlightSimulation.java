package dev.salvo.benchmarks.inflight;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Many slow queries in flight at once, as warehouse workloads have them: a closed model of {@code bench.users} virtual
 * users (default 2,000), a pool of as many connections (so as many SQL threads), each user looping per visit over a
 * server-side sleep of {@code bench.querySeconds} (default 1 s, {@code SELECT pg_sleep(1)}), a warmup of
 * {@code bench.warmup} seconds (the pool is full before load starts), then {@code bench.seconds} measured. The ideal throughput is
 * users / querySeconds. {@link InFlightProbe} reads the JVM's CPU, heap, threads and RSS meanwhile.
 */
public class InFlightSimulation extends Simulation {
    static final int USERS = Integer.getInteger("bench.users", 2000);
    static final int QUERY_SECONDS = Integer.getInteger("bench.querySeconds", 1);
    static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    /** How long a SQL thread may wait for its connection while the pool fills; 0 keeps Salvo's default (30 s). */
    static final int CONNECTION_TIMEOUT = Integer.getInteger("bench.connectionTimeout", 0);

    {
        var sleep = sql("sleep").query("SELECT pg_sleep(" + QUERY_SECONDS + ")").noSlo();
        var db = database().poolSize(USERS).warmup(Duration.ofSeconds(WARMUP));
        if (CONNECTION_TIMEOUT > 0) {
            db = db.connectionTimeout(Duration.ofSeconds(CONNECTION_TIMEOUT));
        }
        setUp(scenario("in-flight")
                        // the probe's clock starts with the load, as Salvo's warmup does (after the pool is full)
                        .exec(session -> {
                            InFlightProbe.startOnce(
                                    TimeUnit.SECONDS.toNanos(WARMUP), TimeUnit.SECONDS.toNanos(SECONDS));
                            return session;
                        })
                        .forever()
                        .on(exec(sleep))
                        .injectClosed(constantConcurrentUsers(USERS).during(WARMUP + SECONDS)))
                .protocols(db)
                .maxDuration(Duration.ofSeconds(WARMUP + SECONDS));
    }
}
