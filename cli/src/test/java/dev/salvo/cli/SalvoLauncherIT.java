package dev.salvo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.TestRuns;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./salvo} launcher script at the repository root, run by a real shell after {@code package} built
 * {@code cli/target/salvo.jar}. The build-when-missing path is tested in a copy of the layout with a stand-in
 * {@code mvn} on the PATH (which records its arguments and copies the real jar), so no Maven runs inside Maven.
 */
class SalvoLauncherIT {
    private static final Path REPOSITORY = Path.of(System.getProperty("salvo.repository", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path JAR =
            Path.of(System.getProperty("salvo.jar", "target/salvo.jar")).toAbsolutePath();

    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    private static Result run(Path cwd, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().putAll(env);
        Path out = Files.createTempFile("salvo-out", ".txt");
        Path err = Files.createTempFile("salvo-err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    @Test
    void runsTheJarFromAnyDirectoryWithPathsRelativeToIt() throws Exception {
        Path cwd = Files.createDirectories(dir.resolve("somewhere"));
        RunDirectory.write(cwd.resolve("runs/a"), TestRuns.run("Sim", 8, 1, 1));
        Files.delete(cwd.resolve("runs/a/index.html"));
        Result r = run(
                cwd,
                Map.of("SALVO_NO_BUILD", "1"),
                List.of(REPOSITORY.resolve("salvo").toString(), "report", "runs/a"));
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out().strip())
                .isEqualTo(cwd.toRealPath().resolve("runs/a/index.html").toString());
        assertThat(cwd.resolve("runs/a/index.html")).isRegularFile();
    }

    @Test
    void passesTheExitStatusThrough() throws Exception {
        Result r = run(
                dir,
                Map.of("SALVO_NO_BUILD", "1"),
                List.of(REPOSITORY.resolve("salvo").toString(), "report", "missing"));
        assertThat(r.status()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err())
                .isEqualTo("salvo report: missing: a Salvo run must be a directory, but it does not exist or is"
                        + " a file\n");
    }

    @Test
    void buildsTheJarWhenMissingOrOlderThanTheSourcesAndThenOnlyRunsIt() throws Exception {
        // a copy of the repository's layout: the launcher, a pom, a main source; no jar yet
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.copy(REPOSITORY.resolve("salvo"), repo.resolve("salvo"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Path source = Files.createDirectories(repo.resolve("cli/src/main/java")).resolve("A.java");
        Files.writeString(source, "class A {}");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("mvn.log");
        Path mvn = bin.resolve("mvn");
        Files.writeString(
                mvn,
                "#!/bin/sh\necho \"$(pwd) $*\" >> " + log + "\nmkdir -p cli/target && cp " + JAR
                        + " cli/target/salvo.jar\n",
                StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"));
        Path cwd = Files.createDirectories(dir.resolve("elsewhere"));
        List<String> version = List.of(repo.resolve("salvo").toString(), "--version");

        Result first = run(cwd, env, version);
        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("salvo ");
        assertThat(first.err()).contains("salvo: building");
        assertThat(Files.readAllLines(log)).containsExactly(repo.toRealPath() + " -q -pl cli -am package -DskipTests");

        Result second = run(cwd, env, version);
        assertThat(second.status()).isZero();
        assertThat(second.err()).isEmpty();
        assertThat(Files.readAllLines(log)).hasSize(1);

        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(60)));
        Result third = run(cwd, env, version);
        assertThat(third.status()).isZero();
        assertThat(Files.readAllLines(log)).hasSize(2);
    }

    @Test
    void saysInOneLineWhenTheBuildFails() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.copy(REPOSITORY.resolve("salvo"), repo.resolve("salvo"), StandardCopyOption.COPY_ATTRIBUTES);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(bin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Result r = run(
                dir,
                Map.of("PATH", bin + ":" + System.getenv("PATH")),
                List.of(repo.resolve("salvo").toString(), "--version"));
        assertThat(r.status()).isEqualTo(ExitCode.CRASHED);
        assertThat(r.err())
                .endsWith("salvo: the build must succeed, but mvn failed (see above); run it in " + repo.toRealPath()
                        + " to fix it\n");
    }
}
