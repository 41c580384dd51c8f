package dev.salvo.benchmarks.overhead;

import static dev.salvo.dsl.SqlDsl.*;
import static io.gatling.javaapi.core.CoreDsl.*;

import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * Salvo's contender: a closed model of {@code bench.clients} virtual users, each looping over the lookup without pause,
 * a pool of as many connections, a warmup of {@code bench.warmup} seconds, then {@code bench.seconds} measured. The
 * database comes from {@code salvo.url}. With {@code bench.mode=loop} (the default) each user runs a tight loop
 * ({@code tightLoop}); with {@code bench.mode=visit} Gatling schedules every request (one thread hop each way).
 */
public class OverheadSimulation extends Simulation {
    static final int CLIENTS = Integer.getInteger("bench.clients", 8);
    static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    static final int SECONDS = Integer.getInteger("bench.seconds", 20);

    {
        var lookup = pointLookup("lookup")
                .query(Lookup.NAMED_SQL)
                .param("id", randomLong(1, Lookup.MAX_ID))
                .noSlo();
        var scenario = "visit".equals(System.getProperty("bench.mode"))
                ? scenario("overhead").forever().on(exec(lookup))
                : scenario("overhead").forever().on(exec(tightLoop(Duration.ofSeconds(WARMUP + SECONDS), lookup)));
        setUp(scenario.injectClosed(constantConcurrentUsers(CLIENTS).during(WARMUP + SECONDS)))
                .protocols(
                        Boolean.parseBoolean(System.getProperty("bench.gatlingStats", "true"))
                                ? database().poolSize(CLIENTS).warmup(Duration.ofSeconds(WARMUP))
                                : database()
                                        .poolSize(CLIENTS)
                                        .warmup(Duration.ofSeconds(WARMUP))
                                        .noGatlingRequestStats())
                .maxDuration(Duration.ofSeconds(WARMUP + SECONDS));
    }

    @Override
    public void before() {
        SteadyCpu.start(
                java.util.concurrent.TimeUnit.SECONDS.toNanos(WARMUP),
                java.util.concurrent.TimeUnit.SECONDS.toNanos(SECONDS));
    }
}
