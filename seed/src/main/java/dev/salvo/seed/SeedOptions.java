package dev.salvo.seed;

import dev.salvo.sql.SalvoException;
import java.io.PrintWriter;

/**
 * How to seed. Immutable: each method returns a changed copy. Defaults are {@link #DEFAULTS}.
 *
 * @param threads connections loading row ranges of a table in parallel, 1 to 64 (1 allows COPY FREEZE)
 * @param batchRows rows a thread takes at a time, &gt;= 1 (the content does not depend on it)
 * @param scale the multiplier of every row count, &gt; 0
 * @param truncate whether tables that already hold rows may be emptied first (off: such a table is an error)
 * @param progressSeconds seconds between progress lines during a table's load, 0 for none
 * @param out where progress and the summary go, or null for nowhere
 */
public record SeedOptions(
        int threads, int batchRows, double scale, boolean truncate, int progressSeconds, PrintWriter out) {
    /** 2 threads, batches of 10,000 rows, scale 1, no truncation, progress every 5 s to standard output. */
    public static final SeedOptions DEFAULTS =
            new SeedOptions(2, 10_000, 1.0, false, 5, new PrintWriter(System.out, true));

    /** Checks the bounds. */
    public SeedOptions {
        if (threads < 1 || threads > 64) {
            throw new SalvoException("seed: threads must be between 1 and 64, but was " + threads);
        }
        if (batchRows < 1) {
            throw new SalvoException("seed: batchRows must be >= 1, but was " + batchRows);
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new SalvoException("seed: scale must be a finite number > 0, but was " + scale);
        }
        if (progressSeconds < 0) {
            throw new SalvoException("seed: progressSeconds must be >= 0, but was " + progressSeconds);
        }
    }

    /** @param n loading connections @return a copy */
    public SeedOptions threads(int n) {
        return new SeedOptions(n, batchRows, scale, truncate, progressSeconds, out);
    }

    /** @param rows rows per batch @return a copy */
    public SeedOptions batchRows(int rows) {
        return new SeedOptions(threads, rows, scale, truncate, progressSeconds, out);
    }

    /** @param factor row-count multiplier @return a copy */
    public SeedOptions scale(double factor) {
        return new SeedOptions(threads, batchRows, factor, truncate, progressSeconds, out);
    }

    /** @return a copy that may empty tables holding rows */
    public SeedOptions truncateFirst() {
        return new SeedOptions(threads, batchRows, scale, true, progressSeconds, out);
    }

    /** @param seconds between progress lines, 0 for none @return a copy */
    public SeedOptions progressSeconds(int seconds) {
        return new SeedOptions(threads, batchRows, scale, truncate, seconds, out);
    }

    /** @param stream where messages go, null for nowhere @return a copy */
    public SeedOptions out(PrintWriter stream) {
        return new SeedOptions(threads, batchRows, scale, truncate, progressSeconds, stream);
    }
}
