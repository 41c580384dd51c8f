package dev.salvo.benchmarks.overhead;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * {@code benchmarks/fixed-rate-tail.sh}'s pooled statistics of Salvo's rounds: {@code PooledLatency <run dir>...} adds
 * every run's total response-time histogram ({@code histograms/requests.hlog}, tag {@code response:...}) into one and
 * prints {@code mean p50 p95 p99 count} (ms, count of requests), the same statistics the harness prints per round.
 */
public final class PooledLatency {
    private PooledLatency() {}

    /**
     * @param args the run directories (each holding {@code histograms/requests.hlog})
     * @throws FileNotFoundException when a run directory has no {@code histograms/requests.hlog}
     */
    public static void main(String[] args) throws FileNotFoundException {
        Histogram pooled = new Histogram(3);
        for (String dir : args) {
            Path log = Path.of(dir, "histograms", "requests.hlog");
            if (!Files.isRegularFile(log)) {
                throw new FileNotFoundException(log + ": must be a Salvo run's totals log, but it does not exist");
            }
            HistogramLogReader reader = new HistogramLogReader(log.toFile());
            int found = 0;
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                if (h.getTag() != null && h.getTag().startsWith("response:")) {
                    pooled.add((Histogram) h);
                    found++;
                }
            }
            if (found != 1) {
                throw new IllegalArgumentException(
                        log + ": must hold one response-time histogram (one request name), but held " + found);
            }
        }
        System.out.printf(
                "%.3f %.3f %.3f %.3f %d%n",
                pooled.getMean() / 1e6,
                pooled.getValueAtPercentile(50) / 1e6,
                pooled.getValueAtPercentile(95) / 1e6,
                pooled.getValueAtPercentile(99) / 1e6,
                pooled.getTotalCount());
    }
}
