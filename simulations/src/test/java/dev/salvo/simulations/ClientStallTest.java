package dev.salvo.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.dsl.ForkedGatling;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Client-side coordinated omission: Sample 01 in the open model at 200 users/s, and its Gatling JVM stopped with
 * SIGSTOP for one second in the middle of the run, as a long GC pause or a CPU-starved container would stop it. The
 * users due during the stop are created late by Gatling; Salvo times them from their scheduled arrival, so the stop
 * is in the response times (as pgbench -R shows it), and the hiccup recorder shows it too.
 */
class ClientStallTest {

    @Test
    void aStoppedGeneratorShowsInResponseTimesAndHiccups() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "ClientStall-");
        Process gatling = ForkedGatling.start(
                Sample01_PointLookups.class,
                dir,
                "-Dsalvo.sample.rate=200",
                "-Dsalvo.sample.seconds=12",
                "-Dsalvo.profiles=" + System.getProperty("salvo.profiles"));
        Path log = dir.resolve("output.log");
        try {
            // wait until the load is at its full rate: the 5 s ramp is over and a few seconds at 200/s have passed
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(log).contains("Simulation dev.salvo.simulations.Sample01_PointLookups started")) {
                assertThat(gatling.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.nanoTime() - deadline)
                        .as("Gatling did not start")
                        .isNegative();
                Thread.sleep(100);
            }
            Thread.sleep(8_000);
            signal("STOP", gatling.pid());
            Thread.sleep(1_000);
            signal("CONT", gatling.pid());
            assertThat(gatling.waitFor(3, TimeUnit.MINUTES))
                    .as("Gatling finished")
                    .isTrue();
        } finally {
            gatling.destroyForcibly();
        }
        String output = Files.readString(log);
        // Sample 01's SLO on 'order by id' (p99 < 200 ms) fails because of the stop, as it should: exit status 1
        // (GatlingLauncher, which ForkedGatling starts: 1 = an SLO breached)
        assertThat(output).contains("[salvo] SLO FAILED POINT_LOOKUP 'order by id'");
        assertThat(gatling.exitValue()).as(output).isEqualTo(1);
        Path run = Files.list(dir.resolve("salvo")).findFirst().orElseThrow();
        JsonNode results =
                new ObjectMapper().readTree(run.resolve("results.json").toFile());

        JsonNode generator = results.get("generator");
        assertThat(generator.get("intendedStart").asText()).isEqualTo("schedule");
        assertThat(generator.get("scheduledUsers").asLong()).isGreaterThan(2000);
        assertThat(generator.get("hiccupMicros").get("max").asDouble())
                .as("the hiccup recorder saw the stop")
                .isGreaterThanOrEqualTo(900_000);
        assertThat(generator.get("stalls"))
                .anySatisfy(s -> assertThat(s.get("millis").asDouble()).isGreaterThan(900));
        assertThat(generator.get("warnings").toString())
                .contains("'order by id'")
                .contains("p99.9");
        for (JsonNode request : results.get("requests")) {
            assertThat(request.get("ko").asLong())
                    .as(request.get("name").asText())
                    .isZero();
        }
        // the first request of each user due during the stop carries it (about 200 of 3,000+ users are 0-1,000 ms
        // late);
        // its next requests start when it ends, as a real client's would after a stalled server answered
        JsonNode first = request(results, "order by id");
        assertThat(first.get("responseMicros").get("p999").asDouble())
                .as("p99.9")
                .isGreaterThanOrEqualTo(900_000);
        assertThat(first.get("scheduleLagMicros").get("max").asDouble())
                .as("schedule lag max")
                .isGreaterThanOrEqualTo(900_000);
        assertThat(run.resolve("index.html"))
                .content()
                .contains("id=\"generator-warning\"")
                .contains("chart-hiccups");
    }

    private static JsonNode request(JsonNode results, String name) {
        for (JsonNode request : results.get("requests")) {
            if (request.get("name").asText().equals(name)) {
                return request;
            }
        }
        throw new AssertionError("no request " + name + " in " + results.get("requests"));
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                .inheritIO()
                .start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }
}
