package dev.salvo.snowflake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.dsl.ForkedGatling;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A real Gatling run (forked JVM, as {@code mvn gatling:test -Psnowflake} launches it) with a {@code jdbc:snowflake:}
 * URL and no network: 127.0.0.1 port 9, where nothing listens, so nothing leaves the machine.
 */
class SnowflakeUnreachableRunTest {

    @Test
    void stopsBeforeLoadWithOneLineNamingTheHost() throws Exception {
        ForkedGatling.Run run = ForkedGatling.run(
                SnowflakeUnreachableSimulation.class,
                "-Dsalvo.url=jdbc:snowflake://127.0.0.1:9",
                "-Dsalvo.user=bench",
                "-Dsalvo.password=pw-never-shown",
                "-Dsalvo.warehouse=BENCH_WH",
                "-Dsalvo.loginTimeoutSeconds=1");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output().lines().filter(l -> l.startsWith("[salvo] ERROR")))
                .containsExactly(
                        "[salvo] ERROR database jdbc:snowflake://127.0.0.1:9: must accept a connection as user 'bench', "
                                + "but JDBC driver encountered communication error. Message: Exception encountered for HTTP request: "
                                + "Connect to 127.0.0.1:9 [/127.0.0.1] failed: Connection refused. (SQLSTATE 58030)");
        assertThat(run.output()).doesNotContain("pw-never-shown");
        assertThat(Files.exists(run.dir().resolve("salvo"))).isFalse(); // no load, no results
    }
}
