package dev.salvo.seed.internal;

import dev.salvo.seed.ForeignKeySpec;
import java.util.List;

/**
 * A checked, compiled seed: tables in load order with their columns' value sources. Nothing here touches a database.
 *
 * @param seed the spec's seed
 * @param tables tables in load order (parents before children)
 */
public record Plan(long seed, List<Table> tables) {

    /**
     * A column ready to write.
     *
     * @param name the name
     * @param sqlType its SQL type (for CREATE TABLE)
     * @param source its values
     * @param nullFraction the NULL fraction applied on top of the source
     * @param nullStream the stream key of NULL decisions
     */
    public record Column(String name, String sqlType, ValueSource source, double nullFraction, long nullStream) {}

    /**
     * A table ready to load.
     *
     * @param name the name
     * @param rows the exact row count
     * @param columns its columns in table order
     * @param exists whether the table was found in the database (else Salvo creates it)
     * @param primaryKey primary key columns (added after the load when Salvo creates the table)
     * @param uniques unique keys (likewise)
     * @param foreignKeys foreign keys (likewise; always checked after the load)
     */
    public record Table(
            String name,
            long rows,
            List<Column> columns,
            boolean exists,
            List<String> primaryKey,
            List<List<String>> uniques,
            List<ForeignKeySpec> foreignKeys) {

        /** @return a writer of whole rows for one thread */
        public RowWriter newWriter(long seed) {
            return new RowWriter(seed, columns);
        }
    }

    /** Writes whole rows in COPY text form. One per thread. */
    public static final class RowWriter {
        private final long seed;
        private final ValueSource.Writer[] writers;
        private final double[] nulls;
        private final long[] nullStreams;
        private final CellRandom rnd = new CellRandom();

        RowWriter(long seed, List<Column> columns) {
            this.seed = seed;
            int n = columns.size();
            writers = new ValueSource.Writer[n];
            nulls = new double[n];
            nullStreams = new long[n];
            for (int i = 0; i < n; i++) {
                writers[i] = columns.get(i).source().newWriter();
                nulls[i] = columns.get(i).nullFraction();
                nullStreams[i] = columns.get(i).nullStream();
            }
        }

        /** @param row the row index @param out where the row goes, newline included */
        public void write(long row, TextOut out) {
            for (int i = 0; i < writers.length; i++) {
                if (i > 0) {
                    out.tab();
                }
                if (nulls[i] > 0) {
                    rnd.reset(CellRandom.key(seed, nullStreams[i], row));
                    if (rnd.nextDouble() < nulls[i]) {
                        out.nul();
                        continue;
                    }
                }
                writers[i].write(row, out);
            }
            out.newline();
        }
    }
}
