package dev.salvo.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.dsl.ForkedGatling;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The runtime's end-of-run hooks in REAL forked Gatling runs (embedded PostgreSQL): found by ServiceLoader, handed the
 * run after results.json and index.html are written, shown each prepared statement with its request; a failing hook
 * is one WARN line and the results stay. The Snowflake hook itself declines a PostgreSQL run (no snowflake.json).
 */
class RunHookRunTest {
    @Test
    void aHookIsCalledAfterTheResultsAreWrittenAndSeesEachRequestsStatements() throws Exception {
        ForkedGatling.Run run = ForkedGatling.run(SectionSimulation.class, "-Dsalvo.test.runHook=record");
        assertThat(run.exitCode()).as(run.output()).isIn(0, 1); // 1: a default SLO breached on a loaded machine
        Path dir = run.salvoRun();
        java.util.List<String> hook = Files.readAllLines(dir.resolve("hook.txt"));
        String id = dir.getFileName().toString();
        assertThat(hook)
                .containsExactly(
                        "start " + id + " postgresql worker 0",
                        "dir " + id,
                        "files [histograms, index.html, results.json]",
                        "sql {by id=SELECT * FROM orders WHERE order_id = ?, count=SELECT count(*) FROM orders WHERE order_id < ?}",
                        "prepared [by id, count]");
        assertThat(dir.resolve(SnowflakeSection.FILE))
                .as("the Snowflake hook takes no part in a PostgreSQL run")
                .doesNotExist();
        assertThat(run.output()).doesNotContain("WARN run hook");
    }

    @Test
    void aHookFailingAtTheEndIsOneWarnLineAndTheResultsStay() throws Exception {
        ForkedGatling.Run run = ForkedGatling.run(SectionSimulation.class, "-Dsalvo.test.runHook=fail");
        assertThat(run.exitCode()).as(run.output()).isIn(0, 1);
        assertThat(run.output())
                .contains("[salvo] WARN run hook dev.salvo.snowflake.RecordingRunHook: failed at the end"
                        + " of the run (results.json and index.html are kept as written): boom\n");
        assertThat(run.output().lines().filter(l -> l.contains("WARN run hook")))
                .hasSize(1);
        assertThat(run.salvoRun().resolve("results.json")).isRegularFile();
        assertThat(run.salvoRun().resolve("index.html")).isRegularFile();
    }
}
