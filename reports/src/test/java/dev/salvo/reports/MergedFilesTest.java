package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MergedFilesTest {
    @TempDir
    Path dir;

    private static String captured(Runnable r) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private List<Path> workers() throws Exception {
        Path d0 = RunDirectory.write(dir.resolve("w0"), TestRuns.run("Sim", 8, 1, 1, TestRuns.START, 0));
        Path d1 = RunDirectory.write(dir.resolve("w1"), TestRuns.run("Sim", 8, 1, 1, TestRuns.START.plusMillis(40), 1));
        TestRuns.writeSnowflake(d0, 1, 120, 3.0);
        TestRuns.writeSnowflake(d1, 1, 60, 3.0);
        return List.of(d0, d1);
    }

    @Test
    void aMergedFileOfAModuleIsWrittenBesideTheMergedResultsAndShownInTheReport() throws Exception {
        List<Path> dirs = workers();
        List<List<Path>> seen = new ArrayList<>();
        MergedFile snowflake = new MergedFile() {
            @Override
            public String file() {
                return SnowflakeResults.FILE;
            }

            @Override
            public byte[] merge(List<Path> workerDirs, RunResults merged) throws Exception {
                seen.add(workerDirs);
                return Files.readAllBytes(workerDirs.get(1).resolve(SnowflakeResults.FILE));
            }
        };
        RunData merged = MergedFiles.carry(dirs, Merge.merge(dirs), List.of(snowflake));
        assertThat(seen).containsExactly(dirs);
        Path out = RunDirectory.write(dir.resolve("merged"), merged);
        assertThat(Files.readAllBytes(out.resolve(SnowflakeResults.FILE)))
                .isEqualTo(Files.readAllBytes(dirs.get(1).resolve(SnowflakeResults.FILE)));
        assertThat(SnowflakeResults.read(out).orElseThrow().cost().billedClusterSeconds())
                .isEqualTo(60);
        assertThat(Files.readString(out.resolve(RunDirectory.INDEX_HTML)))
                .contains("<section id=\"snowflake\">")
                .contains("id=\"chart-snowflake-load\"");
    }

    @Test
    void withoutTheModuleThatMergesItTheFileIsLeftOutWithOneWarnLine() throws Exception {
        List<Path> dirs = workers();
        RunData[] merged = new RunData[1];
        String out = captured(() -> merged[0] = Merge.merge(dirs));
        assertThat(out)
                .isEqualTo("[salvo] WARN merge: snowflake.json of the workers is not in the merged run: merging"
                        + " it needs the salvo-snowflake module (build with -Psnowflake; docs/snowflake.md)\n");
        assertThat(merged[0].files()).isEmpty();
    }

    @Test
    void aFailingMergeIsOneWarnLineAndTheMergedRunStays() throws Exception {
        List<Path> dirs = workers();
        MergedFile failing = new MergedFile() {
            @Override
            public String file() {
                return SnowflakeResults.FILE;
            }

            @Override
            public byte[] merge(List<Path> workerDirs, RunResults merged) {
                throw new IllegalArgumentException(
                        "w1/snowflake.json: formatVersion must be between 1 and 1, but was 2\nmore");
            }
        };
        RunData base = Merge.merge(List.of(dirs.get(0)));
        RunData[] merged = new RunData[1];
        String out = captured(() -> merged[0] = MergedFiles.carry(dirs, base, List.of(failing)));
        assertThat(out)
                .isEqualTo("[salvo] WARN merge: snowflake.json of the workers is not in the merged run:"
                        + " w1/snowflake.json: formatVersion must be between 1 and 1, but was 2\n");
        assertThat(merged[0]).isSameAs(base);
    }
}
