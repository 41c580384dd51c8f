package dev.salvo.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Test helper: real Gatling runs in a forked JVM against the embedded PostgreSQL, launched as {@code salvo run}
 * launches them (Salvo's {@code GatlingLauncher} around Gatling's launcher, with the gatling-maven-plugin's JVM options,
 * analytics off, Gatling's prefs and Salvo's files under {@code target/}), or with Gatling's own launcher as
 * {@code mvn gatling:test} does. Used by the dsl tests and, through the test jar, by the samples' and cli's tests.
 */
public final class ForkedGatling {
    /** Salvo's launcher: exit status 0 passed, 1 SLO breached, 2 configuration error, 3 crashed. */
    public static final String SALVO_LAUNCHER = "dev.salvo.runtime.GatlingLauncher";
    /** Gatling's own launcher, as {@code mvn gatling:test} runs it. */
    public static final String GATLING_LAUNCHER = "io.gatling.app.Gatling";

    private ForkedGatling() {}

    /**
     * A finished run.
     *
     * @param exitCode the JVM's exit status
     * @param output its stdout and stderr
     * @param dir its directory: {@code salvo/} (run directories), {@code gatling/}, {@code pg/}, {@code output.log}
     */
    public record Run(int exitCode, String output, Path dir) {
        /** @return the (first) Salvo run directory @throws IOException when it cannot be listed */
        public Path salvoRun() throws IOException {
            try (Stream<Path> runs = Files.list(dir.resolve("salvo"))) {
                return runs.findFirst().orElseThrow();
            }
        }

        /** @return true when an embedded PostgreSQL data directory was left behind @throws IOException on listing */
        public boolean embeddedDataLeft() throws IOException {
            Path pg = dir.resolve("pg");
            if (!Files.exists(pg)) {
                return false;
            }
            try (Stream<Path> files = Files.list(pg)) {
                return files.anyMatch(p -> p.getFileName().toString().startsWith("data-"));
            }
        }
    }

    /**
     * Runs a simulation in a forked JVM and waits (5 minutes at most).
     *
     * @param simulation the simulation class
     * @param jvmArgs extra JVM arguments
     * @return the finished run
     * @throws Exception when it cannot start or does not finish
     */
    public static Run run(Class<?> simulation, String... jvmArgs) throws Exception {
        return run(SALVO_LAUNCHER, simulation, jvmArgs);
    }

    /**
     * Runs a simulation in a forked JVM with the given main class and waits (5 minutes at most).
     *
     * @param launcher {@link #SALVO_LAUNCHER} or {@link #GATLING_LAUNCHER}
     * @param simulation the simulation class
     * @param jvmArgs extra JVM arguments
     * @return the finished run
     * @throws Exception when it cannot start or does not finish
     */
    public static Run run(String launcher, Class<?> simulation, String... jvmArgs) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), simulation.getSimpleName() + "-");
        Process p = start(launcher, simulation, dir, jvmArgs);
        Path log = dir.resolve("output.log");
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("Gatling did not finish within 5 minutes; output in " + log);
        }
        return new Run(p.exitValue(), Files.readString(log), dir);
    }

    /**
     * Starts Gatling in a forked JVM as the gatling-maven-plugin does; output goes to {@code dir/output.log}.
     *
     * @param simulation the simulation class
     * @param dir the run's directory
     * @param jvmArgs extra JVM arguments
     * @return the process
     * @throws IOException when it cannot start
     */
    public static Process start(Class<?> simulation, Path dir, String... jvmArgs) throws IOException {
        return start(SALVO_LAUNCHER, simulation, dir, jvmArgs);
    }

    private static Process start(String launcher, Class<?> simulation, Path dir, String... jvmArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                // as the gatling-maven-plugin launches Gatling
                "-Xmx1G",
                "-XX:+HeapDumpOnOutOfMemoryError",
                "-XX:MaxInlineLevel=20",
                "-XX:MaxTrivialSize=12",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/jdk.internal.misc=ALL-UNNAMED",
                "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
                "-Djava.util.prefs.syncInterval=86400",
                "-Dhttps.proxyHost=127.0.0.1",
                "-Dhttps.proxyPort=9",
                "-Dsalvo.resultsDir=" + dir.resolve("salvo"),
                "-Dsalvo.workDir=" + dir.resolve("pg")));
        cmd.addAll(List.of(jvmArgs));
        cmd.addAll(List.of(
                launcher,
                "--simulation",
                simulation.getName(),
                "--results-folder",
                dir.resolve("gatling").toString()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.log").toFile())
                .start();
    }
}
