package dev.salvo.templates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling;
import dev.salvo.dsl.ForkedGatling.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Gatling runs of {@link TemplateSimulation} in a forked JVM against the embedded PostgreSQL. */
class TemplateSimulationTest {

    @Test
    void runsAFindMaxTemplateAndRecordsItsSteps(@TempDir Path dir) throws Exception {
        Path profiles = dir.resolve("profiles");
        Run run = ForkedGatling.run(
                TemplateSimulation.class,
                "-Dsalvo.template="
                        + Path.of("src/test/resources/golden/find_max_lookups.yaml")
                                .toAbsolutePath(),
                "-Dsalvo.profiles=" + profiles);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("[salvo] template ").contains("FIND_MAX_CONCURRENCY");
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode steps = results.get("findMax");
        assertThat(steps.size()).as(steps.toString()).isBetween(1, 4);
        assertThat(steps.get(0).get("concurrency").asInt()).isEqualTo(2);
        for (JsonNode request : results.get("requests")) {
            assertThat(request.get("ko").asLong())
                    .as(request.get("name").asText() + " " + request.get("errors"))
                    .isZero();
        }
        assertThat(profiles.resolve("public.orders.yaml"))
                .as("the schema-qualified table was profiled")
                .exists();
    }

    @Test
    void aBadTemplateStopsBeforeLoadListingEveryProblem(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, """
        name: bad
        table: {name: orders}
        custom_queries:
          - {query_kind: POINT_LOOKUPS, weight_pct: 50, sql: "SELECT 1"}
          - {query_kind: WIDE_SCAN, weight_pct: 40, sql: "SELECT * FROM {tabel}"}
        """);
        Run run = ForkedGatling.run(TemplateSimulation.class, "-Dsalvo.template=" + bad);
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("[salvo] ERROR " + bad + ":4:18: custom_queries[0].query_kind: must be one of POINT_LOOKUP,")
                .contains("[salvo] ERROR " + bad
                        + ":5:50: custom_queries[1].sql: every {...} placeholder must be {table} or a "
                        + "list parameter's placeholder, but was {tabel}")
                .contains("[salvo] ERROR " + bad
                        + ":4:3: custom_queries: weight_pct must sum to 100.00, but summed to 90.00")
                .doesNotContain("embedded PostgreSQL on port");
    }

    @Test
    void aMissingTemplatePropertyIsAOneLineError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(TemplateSimulation::templateFile)
                .hasMessage(
                        "salvo.template: must name a template file (-Dsalvo.template=path/to/workload.yaml), but was not set");
    }
}
