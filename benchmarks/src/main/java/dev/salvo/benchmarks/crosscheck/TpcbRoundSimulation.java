package dev.salvo.benchmarks.crosscheck;

import static dev.salvo.dsl.SqlDsl.database;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.salvo.patterns.PatternWorkload;
import dev.salvo.patterns.Patterns;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * One Salvo round of the tpcb cross-check ({@code benchmarks/tpcb-crosscheck.sh}): the {@code tpcb-like} pattern's own
 * visit (its transaction, as {@code PatternSimulation} runs it) at {@code bench.rate} per second on
 * {@code bench.clients} connections for {@code bench.warmup} + {@code bench.seconds}, on tables an earlier
 * {@code PatternSimulation} run created and filled (so every round, Salvo's and pgbench's alike, runs on the same,
 * settled tables instead of Salvo's rounds alone following a fresh fill).
 *
 * <p>Arrivals: {@code bench.arrivals=poisson} (the default) draws them as a Poisson process, as {@code pgbench --rate}
 * schedules its transactions; {@code uniform} spaces them evenly, as the pattern's {@code constantUsersPerSec} does.
 */
public class TpcbRoundSimulation extends Simulation {
    static final int RATE = Integer.getInteger("bench.rate", 100);
    static final int CLIENTS = Integer.getInteger("bench.clients", 4);
    static final int SECONDS = Integer.getInteger("bench.seconds", 30);
    static final int WARMUP = Integer.getInteger("bench.warmup", 10);
    static final int SCALE = Integer.getInteger("bench.scale", 1);
    static final String ARRIVALS = System.getProperty("bench.arrivals", "poisson");

    {
        var workload = new PatternWorkload(
                Patterns.load("tpcb-like"),
                SCALE,
                new PatternWorkload.Load(CLIENTS, (double) RATE, WARMUP + SECONDS),
                false);
        setUp(scenario("tpcb-like").exec(workload.visit()).injectOpen(arrivals(RATE, WARMUP + SECONDS, ARRIVALS)))
                .protocols(database().noDemoSchema().poolSize(CLIENTS).warmup(Duration.ofSeconds(WARMUP)));
    }

    /**
     * @param rate arrivals per second
     * @param seconds how long
     * @param kind {@code poisson} or {@code uniform}
     * @return the injection step
     */
    public static OpenInjectionStep arrivals(int rate, int seconds, String kind) {
        var constant = constantUsersPerSec(rate).during(seconds);
        return switch (kind) {
            case "poisson" -> constant.randomized();
            case "uniform" -> constant;
            default ->
                throw new IllegalArgumentException(
                        "bench.arrivals: must be poisson or uniform, but was '" + kind + "'");
        };
    }
}
