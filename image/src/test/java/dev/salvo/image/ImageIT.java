package dev.salvo.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "chroot and mounting /proc need root; the image's layers and config were still checked");
        if (!Files.exists(root.resolve("proc/self"))) {
            run(List.of("mount", "-t", "proc", "proc", root.resolve("proc").toString()), 30);
        }
        String java = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
        String version = run(List.of("chroot", root.toString(), java, "-version"), 60);
        assertThat(version).contains("17.0").contains("Debian");
        // the entry point as the runtime runs it, with the user's arguments after it
        List<String> salvo = List.of(
                "chroot",
                "--userspec=65532:65532",
                root.toString(),
                java,
                "-cp",
                "@/app/jib-classpath-file",
                "dev.salvo.cli.SalvoCommand");
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
