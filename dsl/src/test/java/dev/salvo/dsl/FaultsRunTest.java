package dev.salvo.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.it.DrainSimulation;
import org.junit.jupiter.api.Test;

/**
 * The end of a run bounds every wait (issue 23): a statement still running at the drain timeout is cancelled on the
 * server, counted, and the run ends long before the statement would have.
 */
class FaultsRunTest {
    @Test
    void aStatementStillRunningAtTheDrainTimeoutIsCancelledOnTheServerAndCounted() throws Exception {
        ForkedGatling.Run run = GatlingRunTest.gatling(DrainSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output())
                .contains("[salvo] drain timeout (1000 ms): cancelled 1 statement(s) still running on the" + " server");
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode drain = results.at("/faults/drain");
        assertThat(drain.get("timeoutMillis").asLong()).isEqualTo(1000);
        assertThat(drain.get("cancelled").asInt()).isEqualTo(1);
        // the statement sleeps 120 s: the drain waited its timeout, then cancelled instead of waiting for the sleep
        // (the
        // bound is by construction: timeout + Target.CANCEL_BOUND_MILLIS; the half-way mark keeps a loaded host green)
        assertThat(drain.get("tookMillis").asLong())
                .isGreaterThanOrEqualTo(1000L)
                .isLessThan(60_000L);
        JsonNode sleepy = GatlingRunTest.findRequest(results, "sleepy");
        assertThat(sleepy.get("ko").asLong()).isEqualTo(1);
        assertThat(sleepy.get("errors").fieldNames().next())
                .isEqualTo("57014: ERROR: canceling statement due to user request");
        assertThat(GatlingRunTest.findRequest(results, "quick").get("ko").asLong())
                .isZero();
        assertThat(results.at("/config/faults.drainTimeout").asText()).isEqualTo("PT1S");
        System.out.println("[drain] " + drain);
    }
}
