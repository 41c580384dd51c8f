package dev.salvo.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling;
import dev.salvo.dsl.ForkedGatling.Run;
import org.junit.jupiter.api.Test;

/**
 * Scheduled arrivals in a real Gatling run with several scenarios: every open-model user of every scenario (side by
 * side, chained with andThen, each kind of step) is matched to its scheduled arrival, and none of the closed-model one.
 */
class MixedInjectionTest {

    @Test
    void everyOpenModelUserOfEveryScenarioGetsItsScheduledArrival() throws Exception {
        Run run = ForkedGatling.run(MixedInjectionSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        assertThat(results.get("generator").get("intendedStart").asText()).isEqualTo("schedule");
        assertThat(results.get("generator").get("scheduledUsers").asLong())
                .isEqualTo(MixedInjectionSimulation.OPEN_USERS);
        JsonNode lookup = results.get("requests").get(0);
        assertThat(lookup.get("ko").asLong()).isZero();
        assertThat(lookup.get("count").asLong() + lookup.get("warmupRequests").asLong())
                .as("open users ('constant' users run two requests each) plus closed ones")
                .isGreaterThan(MixedInjectionSimulation.OPEN_USERS + 100);
    }
}
