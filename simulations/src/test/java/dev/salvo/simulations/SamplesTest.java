package dev.salvo.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling;
import dev.salvo.dsl.ForkedGatling.Run;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample runs end to end against the embedded PostgreSQL (shortened), as a user runs it with
 * {@code mvn gatling:test -Dgatling.simulationClass=...}: exit 0, every request of every kind OK, results written.
 */
class SamplesTest {

  static Stream<Class<?>> samples() {
    return Stream.of(Sample01_PointLookups.class, Sample02_QueryKinds.class, Sample03_MixAndTransactions.class,
        Sample04_ProfileBackedParameters.class, Sample05_FindMax.class);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void runsEndToEnd(Class<?> sample) throws Exception {
    Run run = ForkedGatling.run(sample, "-Dsalvo.sample.seconds=2", "-Dsalvo.sample.rate=20",
        "-Dsalvo.profiles=" + System.getProperty("salvo.profiles"));
    assertThat(run.exitCode()).as(run.output()).isZero();
    JsonNode results = new ObjectMapper().readTree(run.salvoRun().resolve("results.json").toFile());
    assertThat(results.get("requests").size()).isPositive();
    for (JsonNode request : results.get("requests")) {
      assertThat(request.get("count").asLong()).as(request.get("name").asText()).isPositive();
      assertThat(request.get("ko").asLong()).as(request.get("name").asText() + " " + request.get("errors")).isZero();
    }
    assertThat(run.output()).as("snapshots are committed, not re-made").doesNotContain("[salvo] profiled ");
    assertThat(run.salvoRun().resolve("index.html")).exists();
  }
}
