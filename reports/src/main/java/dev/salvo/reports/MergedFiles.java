package dev.salvo.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Carries the workers' extra run files into a merged run through the {@link MergedFile}s on the class path. A file that
 * cannot be merged, or that no module on the class path knows how to merge, is one WARN line: the merge goes on.
 */
final class MergedFiles {
    /** Files the reports read that another module writes, with where to find the module that merges them. */
    private static final List<String[]> KNOWN = List.<String[]>of(new String[] {
        SnowflakeResults.FILE, "the salvo-snowflake module (build with -Psnowflake; docs/snowflake.md)"
    });

    private MergedFiles() {}

    /**
     * @param dirs the workers' run directories
     * @param data the merged run
     * @return {@code data} with each merged file
     */
    static RunData carry(List<Path> dirs, RunData data) {
        List<MergedFile> mergers = new ArrayList<>();
        try {
            ServiceLoader.load(MergedFile.class, MergedFiles.class.getClassLoader())
                    .forEach(mergers::add);
        } catch (ServiceConfigurationError | LinkageError e) {
            warn("merged files cannot be loaded: " + e.getMessage());
        }
        return carry(dirs, data, mergers);
    }

    static RunData carry(List<Path> dirs, RunData data, List<MergedFile> mergers) {
        List<String> handled = new ArrayList<>();
        for (MergedFile m : mergers) {
            handled.add(m.file());
            if (dirs.stream().noneMatch(d -> Files.exists(d.resolve(m.file())))) {
                continue;
            }
            try {
                byte[] content = m.merge(dirs, data.results());
                if (content != null) {
                    data = data.withFile(m.file(), content);
                }
            } catch (Exception | LinkageError e) {
                warn(m.file() + " of the workers is not in the merged run: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            }
        }
        for (String[] known : KNOWN) {
            if (!handled.contains(known[0]) && dirs.stream().anyMatch(d -> Files.exists(d.resolve(known[0])))) {
                warn(known[0] + " of the workers is not in the merged run: merging it needs " + known[1]);
            }
        }
        return data;
    }

    private static void warn(String what) {
        System.out.println("[salvo] WARN merge: " + what);
    }
}
