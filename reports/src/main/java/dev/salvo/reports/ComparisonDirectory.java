package dev.salvo.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.salvo.reports.internal.ComparePage;
import dev.salvo.reports.internal.Files2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A comparison's directory: {@code comparison.json} (the {@link Comparison} as data) and its {@code index.html} page
 * (with a Snowflake cost table when at least two runs' directories hold a {@value SnowflakeResults#FILE}).
 * Each file is replaced atomically, so a reader never sees half a file.
 */
public final class ComparisonDirectory {
    /** The data file's name. */
    public static final String COMPARISON_JSON = "comparison.json";

    private ComparisonDirectory() {}

    /**
     * Reads the run directories, compares them against the first, and writes the comparison into {@code dir}.
     *
     * @param dir where to write (created when missing; an earlier comparison there is replaced)
     * @param runs 2 to 5 run (or baseline) directories, the baseline first
     * @param options thresholds, significance level, minimum sample size
     * @param force compare runs of different simulations
     * @return the comparison
     * @throws IllegalArgumentException naming the file or the run when a run cannot be read or compared (nothing is
     *     written then)
     * @throws UncheckedIOException when a file cannot be written
     */
    public static Comparison compare(Path dir, List<Path> runs, Comparison.Options options, boolean force) {
        List<RunData> data = new ArrayList<>();
        for (Path run : runs) {
            data.add(RunDirectory.read(run));
        }
        Comparison c = Comparison.of(runs, data, options, force);
        write(dir, c, data.stream().map(RunData::results).toList());
        return c;
    }

    /**
     * Writes a comparison: {@code comparison.json} and {@code index.html}.
     *
     * @param dir where to write (created when missing; an earlier comparison there is replaced)
     * @param comparison the comparison
     * @param results the compared runs' results, in the comparison's order
     * @return the page, {@code dir/index.html}
     * @throws UncheckedIOException when a file cannot be written
     */
    public static Path write(Path dir, Comparison comparison, List<RunResults> results) {
        try {
            Files.createDirectories(dir);
            byte[] json = new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsBytes(comparison);
            Files2.writeAtomically(dir.resolve(COMPARISON_JSON), json);
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": must be writable, but " + e.getMessage(), e);
        }
        Path index = dir.resolve(RunDirectory.INDEX_HTML);
        List<SnowflakeResults> snowflake = new ArrayList<>();
        for (Comparison.Run r : comparison.runs()) {
            try {
                snowflake.add(SnowflakeResults.read(Path.of(r.dir())).orElse(null));
            } catch (IllegalArgumentException e) {
                snowflake.add(null); // a damaged snowflake.json costs the cost table, never the comparison
            }
        }
        Files2.writeAtomically(
                index, ComparePage.render(comparison, results, snowflake).getBytes(StandardCharsets.UTF_8));
        return index;
    }
}
