package dev.salvo.reports;

import java.nio.file.Path;
import java.util.List;

/**
 * A run file beside results.json that {@link Merge} carries into a merged run, supplied by the module that writes it
 * (found with {@link java.util.ServiceLoader}: a {@code META-INF/services/dev.salvo.reports.MergedFile} file), so that
 * the reports, which use no other Salvo module, need not know its contents. Example: {@code salvo-snowflake} merges the
 * workers' {@value SnowflakeResults#FILE}.
 */
public interface MergedFile {
    /** @return the file's name in a run directory */
    String file();

    /**
     * Merges the workers' files.
     *
     * @param workerDirs the workers' run directories, in the order given to {@link Merge#merge}; some may lack the file
     * @param merged the merged run's results
     * @return the merged file's content, or null to leave it out
     * @throws Exception when the files cannot be merged (one WARN line; the merged run is written without the file)
     */
    byte[] merge(List<Path> workerDirs, RunResults merged) throws Exception;
}
