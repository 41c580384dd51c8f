package dev.salvo.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling.Run;
import dev.salvo.dsl.it.PacedLoopSimulation;
import org.junit.jupiter.api.Test;

/** A real Gatling run of paced loops against the embedded PostgreSQL, in a forked JVM. */
class PacedLoopRunTest {

    @Test
    void aPacedLoopRunsItsScheduleAndChargesLatenessToTheRequestsThatCouldNotStartOnTime() throws Exception {
        Run run = ForkedGatling.run(PacedLoopSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());

        // 100 arrivals/s for 3 s (a Poisson process: ~300, sd ~17), the first second's as warmup
        JsonNode lookup = GatlingRunTest.findRequest(results, "paced lookup");
        long all = lookup.get("count").asLong() + lookup.get("warmupRequests").asLong();
        assertThat(all).isBetween(240L, 360L);
        assertThat(lookup.get("warmupRequests").asLong()).isBetween(60L, 140L);
        assertThat(lookup.get("ko").asLong()).isZero();
        assertThat(lookup.get("rows").asLong()).isEqualTo(lookup.get("count").asLong());

        // 60 arrivals/s for 2 s (~120) on one connection that serves 20/s: every arrival still runs, late, and its
        // response time counts from its due time, far above the 50 ms the query itself takes
        JsonNode sleep = GatlingRunTest.findRequest(results, "paced sleep");
        long slept = sleep.get("count").asLong() + sleep.get("warmupRequests").asLong();
        assertThat(slept).isBetween(80L, 170L);
        assertThat(sleep.at("/serviceMicros/p99").asDouble()).isLessThan(500_000);
        assertThat(sleep.at("/responseMicros/p99").asDouble()).isGreaterThan(1_500_000);
        assertThat(sleep.at("/scheduleLagMicros/p99").asDouble()).isGreaterThan(1_000_000);
        // Gatling saw the measured requests too
        assertThat(run.output())
                .containsPattern("> paced lookup +\\| +"
                        + String.format("%,d", lookup.get("count").asLong()));
    }
}
