package dev.salvo.dsl;

import static dev.salvo.dsl.GatlingRunTest.gatling;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling.Run;
import dev.salvo.dsl.it.FindMaxSimulation;
import dev.salvo.dsl.it.InjectionProfilesSimulation;
import dev.salvo.dsl.it.LongSimulation;
import dev.salvo.dsl.it.ThrottledSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Gatling's open and closed injection profiles, throttling, and a graceful stop on SIGTERM, with Salvo's action. */
class LoadModelsTest {

    private static Map<String, JsonNode> requests(Run run) throws IOException {
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        Map<String, JsonNode> byName = new HashMap<>();
        results.get("requests").forEach(r -> byName.put(r.get("name").asText(), r));
        return byName;
    }

    /** Each scenario's injection profile as results.json's config records it (Gatling's own step descriptions). */
    private static final Map<String, String> INJECTION = Map.of(
            "atOnceUsers", "open: AtOnceOpenInjection(5)",
            "rampUsers", "open: RampOpenInjection(10,2 seconds)",
            "constantUsersPerSec", "open: ConstantRateOpenInjection(10.0,2 seconds)",
            "rampUsersPerSec", "open: RampRateOpenInjection(5.0,15.0,2 seconds)",
            "stressPeakUsers", "open: HeavisideOpenInjection(10,2 seconds)",
            "nothingFor+atOnce", "open: NothingForOpenInjection(1 second), AtOnceOpenInjection(3)",
            "constantConcurrentUsers", "closed: ConstantConcurrentUsersInjection(2,2 seconds)",
            "rampConcurrentUsers", "closed: RampConcurrentUsersInjection(1,3,2 seconds)",
            "incrementConcurrentUsers", "closed: StairsConcurrentUsersCompositeStep(1,2,1 second,1,0 days)");

    @Test
    void everyInjectionProfileDrivesSalvo() throws Exception {
        Run run = gatling(InjectionProfilesSimulation.class);
        // 0, or 1 when this machine's load breaks the default point-lookup SLO: this test is about the injection
        // profiles
        assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
        // the injection profile is recorded in config (issue 14 item 11) and shown in the report's settings
        JsonNode config = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile())
                .get("config");
        config.fieldNames().forEachRemaining(k -> {
            if (k.startsWith("injection")) {
                System.out.println("[injection] " + k + " = " + config.get(k).asText());
            }
        });
        INJECTION.forEach((scenario, text) -> assertThat(
                        config.path("injection." + scenario).asText())
                .as(scenario)
                .isEqualTo(text));
        assertThat(Files.readString(run.salvoRun().resolve("index.html")))
                .contains("injection.rampUsersPerSec")
                .contains(INJECTION.get("rampUsersPerSec"));
        Map<String, JsonNode> r = requests(run);
        // open models: exact user counts, one request each
        assertThat(r.get("atOnceUsers").get("ok").asLong()).isEqualTo(5);
        assertThat(r.get("rampUsers").get("ok").asLong()).isEqualTo(10);
        assertThat(r.get("constantUsersPerSec").get("ok").asLong()).isEqualTo(20);
        assertThat(r.get("rampUsersPerSec").get("ok").asLong()).isEqualTo(20);
        assertThat(r.get("stressPeakUsers").get("ok").asLong()).isEqualTo(10);
        assertThat(r.get("nothingFor+atOnce").get("ok").asLong()).isEqualTo(3);
        // closed models: users are replaced as they finish, so counts depend on speed; each ran many requests
        for (String closed : List.of("constantConcurrentUsers", "rampConcurrentUsers", "incrementConcurrentUsers")) {
            assertThat(r.get(closed).get("ok").asLong()).as(closed).isGreaterThan(10);
            assertThat(r.get(closed).get("ko").asLong()).as(closed).isZero();
        }
    }

    @Test
    void throttlingCapsTheRate() throws Exception {
        Run run = gatling(ThrottledSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        long count = requests(run).get("throttled").get("count").asLong();
        // unthrottled, 4 looping users would run thousands of lookups in 4 s; held at 50/s it is about 175
        assertThat(count).isBetween(100L, 260L);
    }

    @Test
    void findMaxStepsUpAndStopsWhenThroughputStopsRising() throws Exception {
        Run run = gatling(FindMaxSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isZero();
        JsonNode results = new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
        JsonNode steps = results.get("findMax");
        assertThat(steps.size()).isGreaterThanOrEqualTo(2);
        for (int i = 0; i < steps.size(); i++) {
            assertThat(steps.get(i).get("step").asInt()).isEqualTo(i + 1);
            assertThat(steps.get(i).get("concurrency").asInt()).isEqualTo(1 + 3 * i);
        }
        String outcome = results.at("/config/findMax.outcome").asText();
        assertThat(outcome).matches("(found: .*|limited by bounds: .*)");
        if (outcome.startsWith("found")) {
            // 8 steps were allowed; a CPU-bound scan on 2 cores saturates long before, and the run stopped at the
            // failing step
            assertThat(steps.get(steps.size() - 1).get("pass").asBoolean()).isFalse();
            assertThat(steps.size()).isLessThan(8);
        }
        assertThat(results.at("/config/findMax.bestStep").asText()).isNotEmpty();
        assertThat(run.output()).contains("[salvo] find-max step 1: 1 users");
        // a closed model's offered load is its users, labelled so, never a 0 rate (issue 14 item 11)
        for (JsonNode step : steps) {
            assertThat(step.get("offeredUnit").asText()).isEqualTo("users");
            assertThat(step.get("offeredLoad").asDouble())
                    .isEqualTo(step.get("concurrency").asDouble());
            assertThat(step.get("targetPerSecond").isNull()).as(step.toString()).isTrue();
        }
        assertThat(Files.readString(run.salvoRun().resolve("index.html")))
                .contains("<th>offered load</th>")
                .contains(">4 users<")
                .doesNotContain("target req/s");
    }

    @Test
    void sigtermStopsTheRunAndStillWritesResults() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "sigterm-");
        Process p = GatlingRunTest.start(LongSimulation.class, dir, "-Dsalvo.progressSeconds=1");
        Path log = dir.resolve("output.log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.readString(log).contains("[salvo]    2s") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).as("stopped after SIGTERM").isTrue();
        Path results;
        try (Stream<Path> runs = Files.list(dir.resolve("salvo"))) {
            results = runs.findFirst().orElseThrow().resolve("results.json");
        }
        JsonNode lookup = new ObjectMapper().readTree(results.toFile()).at("/requests/0");
        assertThat(lookup.get("count").asLong()).isBetween(50L, 2999L);
        assertThat(Files.readString(log)).contains("[salvo] results: ");
        try (Stream<Path> files = Files.list(dir.resolve("pg"))) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("data-")))
                    .as("embedded PostgreSQL stopped")
                    .isEmpty();
        }
    }
}
