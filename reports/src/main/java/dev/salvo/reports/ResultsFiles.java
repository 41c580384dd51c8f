package dev.salvo.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Reads and writes a run directory's {@code results.json}. Writes are atomic: a reader never sees half a file. */
public final class ResultsFiles {
    /** The summary file's name inside a run directory. */
    public static final String RESULTS_JSON = "results.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ResultsFiles() {}

    /**
     * Writes {@code results.json} into the run directory, creating it when missing.
     *
     * @param runDirectory the run directory
     * @param results the results
     * @return the file written
     */
    public static Path write(Path runDirectory, RunResults results) {
        try {
            Files.createDirectories(runDirectory);
            Path target = runDirectory.resolve(RESULTS_JSON);
            Path temp = Files.createTempFile(runDirectory, ".results", ".tmp");
            Files.write(temp, JSON.writeValueAsBytes(results));
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "results: cannot write " + runDirectory.resolve(RESULTS_JSON) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code results.json} from a run directory.
     *
     * @param runDirectory the run directory
     * @return the results
     * @throws IllegalArgumentException naming the file when it is missing, unreadable or of an unknown format version
     */
    public static RunResults read(Path runDirectory) {
        Path file = runDirectory.resolve(RESULTS_JSON);
        if (Files.isDirectory(runDirectory) && !Files.isReadable(runDirectory)) {
            throw new IllegalArgumentException(
                    runDirectory + ": a Salvo run directory must be readable, but access is denied");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    file + ": must be a regular file, but it is a directory or special file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(
                    file + ": a Salvo run directory must contain " + RESULTS_JSON + ", but it does not");
        }
        RunResults results;
        try {
            results = JSON.readValue(file.toFile(), RunResults.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": must be valid results JSON, but " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    file + ": must be readable, but "
                            + (e instanceof java.nio.file.AccessDeniedException
                                            || e instanceof java.io.FileNotFoundException
                                                    && String.valueOf(e.getMessage())
                                                            .contains("Permission denied")
                                    ? "access is denied"
                                    : e.getMessage()),
                    e);
        }
        if (results.formatVersion() < RunResults.OLDEST_READABLE_FORMAT_VERSION
                || results.formatVersion() > RunResults.CURRENT_FORMAT_VERSION) {
            throw new IllegalArgumentException(file + ": formatVersion must be between "
                    + RunResults.OLDEST_READABLE_FORMAT_VERSION + " and " + RunResults.CURRENT_FORMAT_VERSION
                    + ", but was " + results.formatVersion());
        }
        return results;
    }
}
