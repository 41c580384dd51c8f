package dev.salvo.patterns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped pattern end to end: a real Gatling run in a forked JVM on the embedded PostgreSQL, its tables created
 * and seeded at scale 1, a few seconds of load; no errors, the achieved mix within 2 percentage points of the declared
 * weights, and the results naming the pattern and its version.
 */
class PatternSimulationTest {

  static java.util.List<String> patterns() {
    return Patterns.names();
  }

  @ParameterizedTest
  @MethodSource("patterns")
  void everyPatternRunsWithoutErrorsAndItsDeclaredMix(String name) throws Exception {
    Pattern pattern = Patterns.load(name);
    ForkedGatling.Run run = ForkedGatling.run(PatternSimulation.class, "-Dsalvo.pattern=" + name,
        "-Dsalvo.duration=" + Integer.getInteger("salvo.test.patternSeconds", 4), "-Dsalvo.users=2",
        "-Dsalvo.progressSeconds=0");
    assertThat(run.exitCode()).as(run.output()).isZero();
    JsonNode results = new ObjectMapper().readTree(Files.readString(run.salvoRun().resolve("results.json")));
    assertThat(results.path("config").path("pattern").asText()).isEqualTo(pattern.id());

    Map<String, Long> counts = new LinkedHashMap<>();
    long total = 0;
    for (JsonNode r : results.path("requests")) {
      String requestName = r.path("name").asText();
      assertThat(r.path("ko").asLong()).as("errors of " + requestName + ": " + r.path("errors")).isZero();
      if (results.path("requestInfo").path(requestName).path("transaction").isNull()) {
        counts.put(requestName, r.path("count").asLong());
        total += r.path("count").asLong();
      }
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(pattern.mix().keySet());
    assertThat(total).as("requests run").isGreaterThan(500);
    for (Map.Entry<String, Double> declared : pattern.mix().entrySet()) {
      double achieved = 100.0 * counts.get(declared.getKey()) / total;
      assertThat(achieved).as("share of " + declared.getKey() + " in %", counts)
          .isBetween(declared.getValue() - 2, declared.getValue() + 2);
    }
    assertThat(run.embeddedDataLeft()).isFalse();
  }
}
