package dev.salvo.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.EmbeddedDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image Jib wrote (target/jib-image.tar, a docker-archive) is a real one: its config names the salvo entry point,
 * a non-root user and the JRE's environment, and its layers, unpacked into one directory, run the image's own Java
 * (Debian's JRE on Debian's glibc, nothing from this host) under chroot, as a container runtime would start it.
 */
class ImageIT {
    private static final Path TAR = Path.of(System.getProperty("image.tar", "target/jib-image.tar"));
    private static Path dir;
    private static Path root;
    private static JsonNode config;

    @BeforeAll
    static void unpack() throws Exception {
        dir = Files.createTempDirectory(Path.of("target"), "image-");
        run(List.of("tar", "-xf", TAR.toAbsolutePath().toString(), "-C", dir.toString()), 120);
        JsonNode manifest =
                new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
        config = new ObjectMapper()
                .readTree(dir.resolve(manifest.get(0).get("Config").asText()).toFile());
        root = Files.createDirectories(dir.resolve("root"));
        // layers in order, each a gzip'd tar, as a runtime stacks them
        for (JsonNode layer : manifest.get(0).get("Layers")) {
            run(List.of("tar", "-xzf", dir.resolve(layer.asText()).toString(), "-C", root.toString()), 120);
        }
    }

    @AfterAll
    static void unmount() throws Exception {
        if (root != null && Files.exists(root.resolve("proc/self"))) {
            run(List.of("umount", root.resolve("proc").toString()), 30);
        }
        if (root != null && Files.exists(root.resolve("dev/null"))) {
            run(List.of("umount", root.resolve("dev").toString()), 30);
        }
    }

    /** /proc and /dev inside the root, as a container runtime provides them; needs root. */
    private static void mountProcAndDev() throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "chroot and mounting /proc need root; the image's layers and config were still checked");
        if (!Files.exists(root.resolve("proc/self"))) {
            run(List.of("mount", "-t", "proc", "proc", root.resolve("proc").toString()), 30);
        }
        if (!Files.exists(root.resolve("dev/null"))) {
            run(List.of("mount", "--bind", "/dev", root.resolve("dev").toString()), 30);
        }
    }

    @Test
    void theConfigStartsTheSalvoCommandAsANonRootUserWithTheJre() {
        JsonNode c = config.get("config");
        List<String> entrypoint = new ArrayList<>();
        c.get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        assertThat(entrypoint).containsExactly("java", "-cp", "@/app/jib-classpath-file", "dev.salvo.cli.SalvoCommand");
        assertThat(c.get("User").asText()).isEqualTo("65532:65532");
        List<String> env = new ArrayList<>();
        c.get("Env").forEach(e -> env.add(e.asText()));
        assertThat(env)
                .contains(
                        "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64",
                        "PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/bin:/bin");
        assertThat(config.get("architecture").asText()).isEqualTo("amd64");
        assertThat(config.get("os").asText()).isEqualTo("linux");
    }

    @Test
    void theBaseIsDebiansPackagesWithTheirVersionsRecorded() throws IOException {
        List<String> packages = Files.readAllLines(root.resolve("usr/share/salvo/packages.txt"));
        assertThat(packages.get(0)).startsWith("# Debian packages").contains("Debian GNU/Linux 12 (bookworm)");
        assertThat(packages.subList(1, packages.size()))
                .extracting(line -> line.substring(0, line.indexOf('=')))
                .containsExactlyInAnyOrder(
                        "base-files",
                        "netbase",
                        "tzdata",
                        "ca-certificates",
                        "libc6",
                        "zlib1g",
                        "libgcc-s1",
                        "libstdc++6",
                        "openjdk-17-jre-headless");
        assertThat(Files.readString(root.resolve("etc/passwd"))).contains("nonroot:x:65532:65532:");
        assertThat(root.resolve("bin/sh")).doesNotExist(); // no shell: the merge Job waits in Java
        assertThat(Files.size(root.resolve("etc/ssl/certs/java/cacerts"))).isGreaterThan(100_000);
        assertThat(root.resolve("app/classes/dev/salvo/simulations/Sample01_PointLookups.class"))
                .exists();
        assertThat(Files.readString(root.resolve("app/jib-classpath-file"))).contains("/app/libs/salvo-cli-");
    }

    @Test
    void theImagesOwnJavaRunsSalvoAndMergesTwoWorkersUnderChroot() throws Exception {
        mountProcAndDev();
        String java = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
        String version = run(List.of("chroot", root.toString(), java, "-version"), 60);
        assertThat(version).contains("17.0").contains("Debian");
        // the entry point as the runtime runs it, with the user's arguments after it
        List<String> salvo = salvo();
        assertThat(run(concat(salvo, "--help"), 60)).contains("merge").contains("run");
        // two workers' run directories inside the image's file system, merged by the image's salvo
        Path results = Files.createDirectories(root.resolve("tmp/results"));
        for (int w = 0; w < 2; w++) {
            RunDirectory.write(
                    results.resolve("worker-" + w + "/salvo/Sim-1"), TestRuns.worker("Sim", "image-test", w, 2));
        }
        run(List.of("chmod", "-R", "777", results.toString()), 10);
        String merged = run(
                concat(salvo, "merge", "--wait-for", "2", "--timeout", "60s", "-o", "/tmp/merged", "/tmp/results"),
                120);
        assertThat(merged).contains("/tmp/merged/index.html");
        JsonNode m = new ObjectMapper()
                .readTree(root.resolve("tmp/merged/results.json").toFile());
        assertThat(m.at("/environment/workerCount").asInt()).isEqualTo(2);
        assertThat(m.at("/environment/runId").asText()).isEqualTo("image-test");
    }

    @Test
    void aWorkerRunsAnExampleSimulationInTheImageAgainstADatabaseOutsideIt() throws Exception {
        mountProcAndDev();
        // the database the Secret's SALVO_URL names: a PostgreSQL outside the image (here on this host's loopback)
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.toAbsolutePath().resolve("pg"));
                Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            DemoSchema.load(c);
            Path out = Files.createDirectories(root.resolve("tmp/job"));
            run(List.of("chmod", "777", out.toString()), 10);
            // as the Indexed Job's worker container runs it: the manifest's args after the entry point, its env
            ProcessBuilder worker = new ProcessBuilder(concat(
                            salvo(),
                            "run",
                            "dev.salvo.simulations.Sample01_PointLookups",
                            "--classpath",
                            "/app/classes",
                            "--no-reports",
                            "-J-Xmx512m",
                            "-D",
                            "salvo.sample.seconds=2",
                            "-o",
                            "/tmp/job/workers/worker-1"))
                    .redirectErrorStream(true);
            worker.environment().put("SALVO_URL", db.jdbcUrl());
            worker.environment().put("JOB_COMPLETION_INDEX", "1");
            worker.environment().put("SALVO_WORKER_COUNT", "2");
            worker.environment().put("SALVO_RUN_ID", "image-run");
            Process p = worker.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).as(output).isTrue();
            // 0, or 1 when a default SLO failed on this loaded machine: the results are written either way
            assertThat(p.exitValue()).as(output).isIn(0, 1);
            Path runs = root.resolve("tmp/job/workers/worker-1/salvo");
            Path results;
            try (var dirs = Files.list(runs)) {
                results = dirs.findFirst().orElseThrow().resolve("results.json");
            }
            JsonNode r = new ObjectMapper().readTree(results.toFile());
            assertThat(r.at("/environment/workerIndex").asInt()).isEqualTo(1);
            assertThat(r.at("/environment/workerCount").asInt()).isEqualTo(2);
            assertThat(r.at("/environment/runId").asText()).isEqualTo("image-run");
            assertThat(r.at("/database/embedded").asBoolean()).isFalse();
            long ok = 0;
            for (JsonNode q : r.get("requests")) {
                ok += q.get("ok").asLong();
            }
            assertThat(ok).as(output).isPositive();
        }
    }

    private static List<String> salvo() {
        // the image's entry point as the runtime runs it, as its user; the arguments follow
        return List.of(
                "chroot",
                "--userspec=65532:65532",
                root.toString(),
                "/usr/lib/jvm/java-17-openjdk-amd64/bin/java",
                "-cp",
                "@/app/jib-classpath-file",
                "dev.salvo.cli.SalvoCommand");
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private static String run(List<String> cmd, int seconds) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).as(cmd + ": " + out).isTrue();
        assertThat(p.exitValue()).as(cmd + ": " + out).isZero();
        return out;
    }
}
