package dev.salvo.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling.Run;
import dev.salvo.dsl.it.DividedThrottleSimulation;
import dev.salvo.dsl.it.InjectionProfilesSimulation;
import dev.salvo.reports.Merge;
import dev.salvo.reports.RunData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Three workers of one run, launched as a Kubernetes Indexed Job launches them, inject the single-machine load. */
class DistributedRunTest {

    private static JsonNode results(Run run) throws IOException {
        return new ObjectMapper()
                .readTree(run.salvoRun().resolve("results.json").toFile());
    }

    private static Map<String, Long> ok(JsonNode results) {
        Map<String, Long> byName = new HashMap<>();
        results.get("requests")
                .forEach(r -> byName.put(r.get("name").asText(), r.get("ok").asLong()));
        return byName;
    }

    @Test
    void threeWorkersInjectExactlyTheOpenSchedulesUsersAndSplitClosedUsersEvenly() throws Exception {
        String start = Instant.now().plusSeconds(5).toString();
        List<Run> runs = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            // the index comes from JOB_COMPLETION_INDEX in Kubernetes; system properties here (one JVM each)
            runs.add(ForkedGatling.run(
                    InjectionProfilesSimulation.class,
                    "-Dsalvo.workerIndex=" + w,
                    "-Dsalvo.workerCount=3",
                    "-Dsalvo.runId=test-run",
                    "-Dsalvo.startAt=" + start,
                    "-Dsalvo.startToleranceMs=600000"));
        }
        Map<String, Long> total = new HashMap<>();
        for (int w = 0; w < 3; w++) {
            Run run = runs.get(w);
            // 0, or 2 when a default SLO failed on this loaded machine: the results are written either way
            assertThat(run.exitCode()).as(run.output()).isIn(0, 2);
            JsonNode r = results(run);
            JsonNode env = r.get("environment");
            assertThat(env.get("workerIndex").asInt()).isEqualTo(w);
            assertThat(env.get("workerCount").asInt()).isEqualTo(3);
            assertThat(env.get("runId").asText()).isEqualTo("test-run");
            assertThat(env.get("startAt").asText()).isEqualTo(start);
            assertThat(env.get("startLateMillis").isNumber()).isTrue();
            assertThat(env.get("lateWorkers")).isEmpty();
            ok(r).forEach((name, n) -> total.merge(name, n, Long::sum));
            if (w == 2) {
                // constantConcurrentUsers(2) split over 3 workers: 1, 1, 0
                assertThat(ok(r).getOrDefault("constantConcurrentUsers", 0L)).isZero();
            } else {
                assertThat(ok(r).get("constantConcurrentUsers")).isPositive();
            }
        }
        // the open models' users, one request each, added over the workers: exactly the single-machine counts
        assertThat(total)
                .containsEntry("atOnceUsers", 5L)
                .containsEntry("rampUsers", 10L)
                .containsEntry("constantUsersPerSec", 20L)
                .containsEntry("rampUsersPerSec", 20L)
                .containsEntry("stressPeakUsers", 10L)
                .containsEntry("nothingFor+atOnce", 3L);
        assertThat(ok(results(runs.get(0))).get("atOnceUsers")).isEqualTo(2);
        assertThat(ok(results(runs.get(2))).get("atOnceUsers")).isEqualTo(1);

        List<Path> dirs = new ArrayList<>();
        for (Run run : runs) {
            dirs.add(run.salvoRun());
        }
        RunData merged = Merge.merge(dirs);
        assertThat(merged.results().environment().runId()).isEqualTo("test-run");
        assertThat(merged.results().requests().stream()
                        .filter(q -> q.name().equals("constantUsersPerSec"))
                        .findFirst()
                        .orElseThrow()
                        .ok())
                .isEqualTo(20);
    }

    @Test
    void aLateWorkerStartsAnywayAndIsFlagged() throws Exception {
        Run run = ForkedGatling.run(
                InjectionProfilesSimulation.class,
                "-Dsalvo.workerIndex=1",
                "-Dsalvo.workerCount=2",
                "-Dsalvo.runId=late",
                "-Dsalvo.startAt=" + Instant.now().minusSeconds(60),
                "-Dsalvo.startToleranceMs=1000");
        assertThat(run.exitCode()).as(run.output()).isIn(0, 2);
        assertThat(run.output()).contains("[salvo] WARN this worker began injecting ");
        JsonNode env = results(run).get("environment");
        assertThat(env.get("startLateMillis").asLong()).isGreaterThanOrEqualTo(60_000);
        assertThat(env.get("lateWorkers").get(0).asInt()).isEqualTo(1);
    }

    @Test
    void threeWorkersDivideAThrottleSoThatTheirSharesAddUpToTheRequestedRate() throws Exception {
        // the three workers run at once, as an Indexed Job runs them, and start together at the barrier (40 s: three
        // JVMs and three embedded databases start in ~25 s on a loaded 2-core machine; a late worker still splits)
        String start = Instant.now().plusSeconds(40).toString();
        List<Process> processes = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            Path dir = Files.createTempDirectory(Path.of("target"), "DividedThrottle-" + w + "-");
            dirs.add(dir);
            processes.add(ForkedGatling.start(
                    DividedThrottleSimulation.class,
                    dir,
                    "-Dsalvo.workerIndex=" + w,
                    "-Dsalvo.workerCount=3",
                    "-Dsalvo.runId=throttled",
                    "-Dsalvo.startAt=" + start,
                    "-Dsalvo.startToleranceMs=600000"));
        }
        int[] shares = {11, 10, 10};
        long total = 0;
        List<Path> runs = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            Process p = processes.get(w);
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
            }
            Run run = new Run(p.exitValue(), Files.readString(dirs.get(w).resolve("output.log")), dirs.get(w));
            assertThat(run.exitCode()).as(run.output()).isIn(0, 2);
            JsonNode r = results(run);
            // the whole throttle, and this worker's share of it: 31 req/s over 3 workers = 11 + 10 + 10
            assertThat(r.at("/config/injection.throttle").asText()).isEqualTo("Jump(31), Hold(10 seconds)");
            assertThat(r.at("/config/injection.throttle.share").asText())
                    .isEqualTo("worker " + w + " of 3: Jump(" + shares[w] + "), Hold(10 seconds)");
            long count = ok(r).get("divided");
            // held at its share for 10 s from the barrier (unthrottled, 3 looping users would run thousands of
            // lookups): never more than the share allows in 11 of the throttler's seconds; at least half of 10 s (the
            // users start in the injector's tick after the barrier, and a loaded machine slows them)
            assertThat(count).as(run.output()).isBetween(shares[w] * 5L, shares[w] * 11L);
            if (r.at("/environment/startLateMillis").asLong() < 1000) {
                // Gatling's maxDuration (here the throttle's 6 s) counts from the barrier, not from the JVM's start:
                // the run ends about 6 s after it (8 s of users, 1 s ticks, the drain), not 6 s + the wait or earlier
                assertThat(r.get("measurementSeconds").asDouble())
                        .as(run.output())
                        .isBetween(4.0, 15.0);
            }
            total += count;
            runs.add(run.salvoRun());
        }
        RunData merged = Merge.merge(runs);
        assertThat(merged.results().requests().get(0).ok()).isEqualTo(total);
        assertThat(merged.results().environment().lateWorkers()).isEmpty();
    }
}
