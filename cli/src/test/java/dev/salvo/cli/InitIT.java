package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code salvo init} for real: Salvo's artifacts (built by this build) are installed into a private local Maven
 * repository ({@code cli/target/init-m2}; never {@code ~/.m2}), {@code java -jar salvo.jar init} creates a workload
 * repository in a temporary directory, and {@code mvn gatling:test} there runs its sample simulation against the
 * embedded PostgreSQL. Every other artifact comes from the machine's local repository used as a {@code file://}
 * mirror, so nothing is downloaded and nothing leaves the machine. The archetype ({@code salvo-archetype}) is installed
 * there too, and {@code mvn archetype:generate} must write the same files as {@code salvo init}, and compile.
 */
class InitIT {
    private static final Path REPOSITORY = Path.of(System.getProperty("salvo.repository", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path JAR =
            Path.of(System.getProperty("salvo.jar", "target/salvo.jar")).toAbsolutePath();
    private static final Path LOCAL_REPOSITORY =
            Path.of(System.getProperty("salvo.m2", System.getenv("HOME") + "/.m2/repository"));
    private static final String VERSION = System.getProperty("salvo.version", "0.1.0-SNAPSHOT");
    private static final Path PRIVATE_REPOSITORY = Path.of("target", "init-m2").toAbsolutePath();

    @TempDir
    Path dir;

    record Result(int status, String output) {}

    private static Result run(Path cwd, List<String> command) throws Exception {
        Path log = Files.createTempFile("salvo-init-it", ".log");
        Process p = new ProcessBuilder(command)
                .directory(cwd.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish in 10 minutes: " + command + "\n" + Files.readString(log));
        }
        Result r = new Result(p.exitValue(), Files.readString(log));
        Files.delete(log);
        return r;
    }

    private List<String> mvn(Path settings, String... args) {
        List<String> cmd = new ArrayList<>(
                List.of("mvn", "-B", "-s", settings.toString(), "-Dmaven.repo.local=" + PRIVATE_REPOSITORY));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private void install(Path settings, String module, String packaging) throws Exception {
        Path pom = REPOSITORY.resolve(module).resolve("pom.xml");
        Path file = packaging.equals("pom")
                ? pom
                : REPOSITORY.resolve(module).resolve("target/salvo-" + module + "-" + VERSION + ".jar");
        assertThat(file).as("built by this build").isRegularFile();
        Result r = run(
                REPOSITORY,
                mvn(
                        settings,
                        "-q",
                        "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file",
                        "-Dfile=" + file,
                        "-DpomFile=" + pom,
                        "-Dpackaging=" + packaging));
        assertThat(r.status()).as(r.output()).isZero();
    }

    @Test
    void createsARepositoryWhoseSampleRunsWithMavenAgainstTheEmbeddedDatabase() throws Exception {
        long started = System.nanoTime();
        Path settings = Files.writeString(
                dir.resolve("settings.xml"), """
        <settings>
          <mirrors>
            <mirror><id>machine-local-repository</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
          </mirrors>
        </settings>
        """.formatted(LOCAL_REPOSITORY.toUri()), StandardCharsets.UTF_8);

        // Salvo's artifacts, as `mvn install -DskipTests` in a clone would install them, but into a private repository
        install(settings, ".", "pom");
        for (String module : List.of("sql", "feeders", "seed", "reports", "runtime", "dsl")) {
            install(settings, module, "jar");
        }
        assertThat(PRIVATE_REPOSITORY.resolve("dev/salvo/salvo-dsl/" + VERSION)).isDirectory();
        long installed = System.nanoTime();

        Result init = run(
                dir,
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "init",
                        "my-load-tests"));
        assertThat(init.status()).as(init.output()).isZero();
        Path repo = dir.resolve("my-load-tests");
        assertThat(repo.resolve("pom.xml")).isRegularFile();

        Result gatling = run(repo, mvn(settings, "gatling:test"));
        long ran = System.nanoTime();
        assertThat(gatling.status()).as(gatling.output()).isZero();
        assertThat(gatling.output()).contains("BUILD SUCCESS");
        Path results;
        try (Stream<Path> runs = Files.list(repo.resolve("target/salvo"))) {
            results = runs.filter(p -> p.getFileName().toString().startsWith("SampleSimulation-"))
                    .findFirst()
                    .orElseThrow()
                    .resolve("results.json");
        }
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertThat(json.get("simulation").asText()).isEqualTo("SampleSimulation");
        assertThat(json.get("requests")).hasSize(2);
        for (JsonNode request : json.get("requests")) {
            assertThat(request.get("count").asLong())
                    .as(request.get("name").asText())
                    .isPositive();
        }
        assertThat(repo.resolve("target/gatling-prefs"))
                .as("Gatling's prefs stay under target/")
                .isDirectory();
        System.out.printf(
                "[init-it] install %.1f s, init + mvn gatling:test %.1f s%n",
                (installed - started) / 1e9, (ran - installed) / 1e9);
    }

    @Test
    void theArchetypeGeneratesTheSameRepositoryAsInitAndItCompiles() throws Exception {
        Path settings = Files.writeString(
                dir.resolve("settings.xml"), """
        <settings>
          <mirrors>
            <mirror><id>machine-local-repository</id><mirrorOf>*</mirrorOf><url>%s</url></mirror>
          </mirrors>
        </settings>
        """.formatted(LOCAL_REPOSITORY.toUri()), StandardCharsets.UTF_8);
        install(settings, ".", "pom");
        for (String module : List.of("sql", "feeders", "seed", "reports", "runtime", "dsl")) {
            install(settings, module, "jar");
        }
        install(settings, "archetype", "jar"); // packaging maven-archetype, a jar

        Path generated = Files.createDirectories(dir.resolve("generated"));
        Result archetype = run(
                generated,
                mvn(
                        settings,
                        "-q",
                        "org.apache.maven.plugins:maven-archetype-plugin:"
                                + System.getProperty("maven-archetype.version", "3.4.1") + ":generate",
                        "-DarchetypeGroupId=dev.salvo",
                        "-DarchetypeArtifactId=salvo-archetype",
                        "-DarchetypeVersion=" + VERSION,
                        "-DgroupId=com.acme",
                        "-DartifactId=acme-load-tests",
                        "-Dpackage=com.acme.load"));
        assertThat(archetype.status()).as(archetype.output()).isZero();
        Path fromArchetype = generated.resolve("acme-load-tests");

        Path initialised = Files.createDirectories(dir.resolve("initialised"));
        Result init = run(
                initialised,
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        JAR.toString(),
                        "init",
                        "--group-id",
                        "com.acme",
                        "--package",
                        "com.acme.load",
                        "acme-load-tests"));
        assertThat(init.status()).as(init.output()).isZero();
        Path fromInit = initialised.resolve("acme-load-tests");

        Map<String, String> archetypeFiles = tree(fromArchetype);
        assertThat(archetypeFiles.keySet())
                .hasSize(InitCommand.FILES.size())
                .contains(
                        ".gitignore",
                        ".github/workflows/load-test.yml",
                        "src/test/java/com/acme/load/SampleSimulation.java");
        assertThat(tree(fromInit))
                .as("salvo init and the archetype write the same files")
                .isEqualTo(archetypeFiles);

        Result compiled = run(fromArchetype, mvn(settings, "-q", "test-compile"));
        assertThat(compiled.status()).as(compiled.output()).isZero();
        assertThat(fromArchetype.resolve("target/test-classes/com/acme/load/SampleSimulation.class"))
                .isRegularFile();
    }

    /** @return every file under the directory (relative path, '/'-separated) to its content */
    private static Map<String, String> tree(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p));
            }
        }
        return files;
    }
}
