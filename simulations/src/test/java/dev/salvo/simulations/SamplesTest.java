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
        return Stream.of(
                Sample01_PointLookups.class,
                Sample02_QueryKinds.class,
                Sample03_MixAndTransactions.class,
                Sample04_ProfileBackedParameters.class,
                Sample05_FindMax.class,
                Sample06_TpcbLike.class);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void runsEndToEnd(Class<?> sample) throws Exception {
        Run run = ForkedGatling.run(
                sample,
                "-Dsalvo.sample.seconds=2",
                "-Dsalvo.sample.rate=20",
                "-Dsalvo.profiles=" + System.getProperty("salvo.profiles"));
        ranToTheEnd(run);
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        assertThat(results.get("requests").size()).isPositive();
        for (JsonNode request : results.get("requests")) {
            assertThat(request.get("count").asLong())
                    .as(request.get("name").asText())
                    .isPositive();
            assertThat(request.get("ko").asLong())
                    .as(request.get("name").asText() + " " + request.get("errors"))
                    .isZero();
        }
        assertThat(run.output()).as("snapshots are committed, not re-made").doesNotContain("[salvo] profiled ");
        assertThat(run.output())
                .as("no logging self-configuration noise")
                .doesNotContain("ch.qos.logback")
                .doesNotContain("occurs multiple times");
        assertThat(run.salvoRun().resolve("index.html")).exists();
    }

    @org.junit.jupiter.api.Test
    void seededShopIsFilledBeforeLoadAndServesTheWorkload() throws Exception {
        Run run = ForkedGatling.run(Sample07_SeededShop.class, "-Dsalvo.sample.seconds=3", "-Dsalvo.sample.rate=20");
        ranToTheEnd(run);
        assertThat(run.output())
                .contains(
                        "[salvo] seeded customers: 2,000 rows",
                        "[salvo] seeded orders: 20,000 rows",
                        "[salvo] foreign key orders(customer_id) -> customers: 0 violations",
                        "[salvo] foreign key order_items(order_id) -> orders: 0 violations");
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        for (JsonNode request : results.get("requests")) {
            assertThat(request.get("count").asLong())
                    .as(request.get("name").asText())
                    .isPositive();
            assertThat(request.get("ko").asLong())
                    .as(request.get("name").asText() + " " + request.get("errors"))
                    .isZero();
        }
    }

    @org.junit.jupiter.api.Test
    void tpcbLikeRecordsEachOfItsFiveStatementsUnderTheTransaction() throws Exception {
        Run run = ForkedGatling.run(Sample06_TpcbLike.class, "-Dsalvo.sample.seconds=3");
        ranToTheEnd(run);
        assertThat(run.output())
                .contains("[salvo] no salvo.url / SALVO_URL set: starting the embedded PostgreSQL and 12"
                        + " setup statements");
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode tx = find(results, "tpcb-like");
        long executions = tx.get("count").asLong();
        assertThat(executions).isPositive();
        assertThat(tx.get("ko").asLong()).isZero();
        java.util.List<String> statements = new java.util.ArrayList<>();
        results.at("/requestInfo/tpcb-like/statements").forEach(n -> statements.add(n.asText()));
        assertThat(statements)
                .containsExactly(
                        "tpcb-like / update accounts",
                        "tpcb-like / select balance",
                        "tpcb-like / update tellers",
                        "tpcb-like / update branches",
                        "tpcb-like / insert history");
        for (String name : statements) {
            JsonNode st = find(results, name);
            assertThat(st.get("count").asLong()).as(name).isEqualTo(executions);
            assertThat(st.get("rows").asLong()).as(name + ": one row each").isEqualTo(executions);
            assertThat(st.at("/responseMicros/p50").asDouble()).as(name).isPositive();
            assertThat(results.at("/requestInfo/" + name.replace("/", "~1") + "/sqlHash")
                            .asText())
                    .hasSize(12);
        }
        assertThat(results.at("/requestInfo/tpcb-like ~1 update branches/sql").asText())
                .isEqualTo("UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2");
        assertThat(results.at("/config/seed").asText()).isEqualTo("1");
        assertThat(results.at("/parameterSeed").asLong()).isEqualTo(1);
        assertThat(results.at("/config/embeddedSetup.statements").asText()).isEqualTo("12");
        assertThat(results.at("/config/connectionTimeout").asText()).isEqualTo("PT30S");
        assertThat(results.at("/environment/salvoVersion").asText())
                .as("the build's version")
                .matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(results.at("/formatVersion").asInt()).isEqualTo(3);
        assertThat(results.at("/kinds/0/kind").asText()).isEqualTo("UPDATE");
        assertThat(results.at("/kinds/0/count").asLong())
                .as("statements are not counted twice")
                .isEqualTo(executions);
        assertThat(java.nio.file.Files.readString(run.salvoRun().resolve("index.html")))
                .contains(
                        "&#8627; update branches",
                        "UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2");
    }

    private static JsonNode find(JsonNode results, String name) {
        for (JsonNode r : results.get("requests")) {
            if (r.get("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no request " + name + " in " + results.get("requests"));
    }

    /**
     * The run ended normally: exit 0, or 1 for an SLO breach only. The samples' SLOs are examples for a quiet machine; a
     * loaded host breaches them (Sample04: p95 103.7 ms > 100 ms at load average 20) without anything being wrong with
     * the sample, and every other check here still applies.
     */
    static void ranToTheEnd(Run run) {
        assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
        if (run.exitCode() == 1) {
            assertThat(run.output()).as("exit 1 must be an SLO breach").contains("[salvo] SLO FAILED");
        }
    }
}
