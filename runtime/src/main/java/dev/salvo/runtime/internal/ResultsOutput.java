package dev.salvo.runtime.internal;

import dev.salvo.reports.ResultsFiles;
import dev.salvo.reports.RunData;
import dev.salvo.reports.RunDirectory;
import dev.salvo.reports.RunResults;
import java.nio.file.Path;
import java.util.List;

/** Writes a finished run's directory and prints where it is and the SLO verdicts, one line each. */
final class ResultsOutput {
    private ResultsOutput() {}

    /**
     * @param dir the run directory
     * @param data the run's results and histograms
     */
    static void write(Path dir, RunData data) {
        RunDirectory.write(dir, data);
        System.out.println("[salvo] results: "
                + dir.resolve(ResultsFiles.RESULTS_JSON).toAbsolutePath().normalize());
        System.out.println("[salvo] report: "
                + dir.resolve(RunDirectory.INDEX_HTML).toAbsolutePath().normalize());
        reportSlos(data.results());
    }

    private static void reportSlos(RunResults results) {
        List<RunResults.RequestStats> failed = results.requests().stream()
                .filter(r -> r.slo() != null && !r.slo().pass())
                .toList();
        if (failed.isEmpty()) {
            System.out.println("[salvo] SLOs: all " + results.requests().size() + " requests pass");
            return;
        }
        failed.forEach(r -> System.out.println("[salvo] SLO FAILED " + r.kind() + " '" + r.name() + "': "
                + String.join(", ", r.slo().breaches())));
    }
}
