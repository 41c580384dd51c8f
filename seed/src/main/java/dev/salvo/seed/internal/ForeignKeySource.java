package dev.salvo.seed.internal;

import dev.salvo.seed.ForeignKeySpec;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;

/**
 * Chooses a parent row for each child row of one foreign key, and writes the parent's key columns by evaluating the
 * parent's own value sources at that row: every row is a pure function of its index, so no parent key is read back
 * from the database or held in memory. Columns of a composite key draw the same parent row (same cell key).
 */
final class ForeignKeySource {
    private final long seed;
    private final long stream;
    private final long parentRows;
    private final double zipf;
    private final double nulls;
    private final long[] prefix;

    /**
     * @param seed the spec's seed
     * @param stream the stream key of this foreign key's choices
     * @param fk the foreign key
     * @param parentRows the parent's row count
     * @param prefix for a per-parent owner key: children before parent p are {@code prefix[p]}; else null
     */
    ForeignKeySource(long seed, long stream, ForeignKeySpec fk, long parentRows, long[] prefix) {
        this.seed = seed;
        this.stream = stream;
        this.parentRows = parentRows;
        this.zipf = fk.zipfExponent();
        this.nulls = prefix == null ? fk.nullFraction() : 0;
        this.prefix = prefix;
    }

    /** @return whether some children have no parent */
    boolean nullable() {
        return nulls > 0;
    }

    /** Per-thread parent choice. */
    final class Chooser {
        private final CellRandom rnd = new CellRandom();
        private final org.apache.commons.rng.sampling.distribution.DiscreteSampler sampler =
                zipf > 0 && parentRows > 0 ? RejectionInversionZipfSampler.of(rnd, (int) parentRows, zipf) : null;

        /** @param row a child row @return its parent row, or -1 for NULL */
        long parent(long row) {
            if (prefix != null) {
                return parentOf(prefix, row);
            }
            rnd.reset(CellRandom.key(seed, stream, row));
            if (nulls > 0 && rnd.nextDouble() < nulls) {
                return -1;
            }
            return sampler != null ? sampler.sample() - 1 : rnd.nextLong(parentRows);
        }
    }

    /**
     * @param parentColumn the parent column's source
     * @param sqlType the child column's SQL type
     * @return the source of one child column of this key
     */
    ValueSource column(ValueSource parentColumn, String sqlType) {
        return ValueSource.of(
                () -> {
                    Chooser chooser = new Chooser();
                    ValueSource.Writer parent = parentColumn.newWriter();
                    return (row, out) -> {
                        long p = chooser.parent(row);
                        if (p < 0) {
                            out.nul();
                        } else {
                            parent.write(p, out);
                        }
                    };
                },
                sqlType,
                parentColumn.distinct(),
                false);
    }

    /**
     * @param prefix children before each parent, one more entry than parents
     * @param row a child row
     * @return the parent whose children hold the row
     */
    static long parentOf(long[] prefix, long row) {
        int i = Arrays.binarySearch(prefix, row);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < prefix.length && prefix[i + 1] == row) {
            i++; // skip parents with no children
        }
        return i;
    }
}
