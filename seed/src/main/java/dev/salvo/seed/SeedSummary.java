package dev.salvo.seed;

import java.util.List;
import java.util.Locale;

/**
 * What a seed did: per table rows, bytes sent and seconds; per foreign key the violations found after the load.
 *
 * @param tables per table, in load order
 * @param foreignKeys per foreign key
 * @param seconds the whole run, constraints and checks included
 */
public record SeedSummary(List<TableResult> tables, List<ForeignKeyCheck> foreignKeys, double seconds) {

    /**
     * @param table the table
     * @param rows rows written (checked against {@code count(*)})
     * @param bytes COPY bytes sent
     * @param seconds the load's wall time
     * @param created whether Salvo created the table
     * @param frozen whether the load used COPY FREEZE
     */
    public record TableResult(String table, long rows, long bytes, double seconds, boolean created, boolean frozen) {
        /** @return rows per second */
        public double rowsPerSecond() {
            return seconds > 0 ? rows / seconds : 0;
        }
    }

    /**
     * @param table the child table
     * @param columns its key columns
     * @param parent the parent table
     * @param violations child rows whose non-null key has no parent (0 when the check passed)
     */
    public record ForeignKeyCheck(String table, List<String> columns, String parent, long violations) {}

    /** Copies the lists. */
    public SeedSummary {
        tables = List.copyOf(tables);
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** @return the summary as lines for a terminal */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (TableResult t : tables) {
            b.append(String.format(
                    Locale.ROOT,
                    "[salvo] seeded %s: %,d rows, %.1f MB, %.2f s, %,.0f rows/s%s%s%n",
                    t.table(),
                    t.rows(),
                    t.bytes() / 1e6,
                    t.seconds(),
                    t.rowsPerSecond(),
                    t.created() ? ", created" : "",
                    t.frozen() ? ", COPY FREEZE" : ""));
        }
        for (ForeignKeyCheck f : foreignKeys) {
            b.append(String.format(
                    Locale.ROOT,
                    "[salvo] foreign key %s(%s) -> %s: %s%n",
                    f.table(),
                    String.join(", ", f.columns()),
                    f.parent(),
                    f.violations() == 0 ? "0 violations" : f.violations() + " VIOLATIONS"));
        }
        b.append(String.format(Locale.ROOT, "[salvo] seed done in %.2f s%n", seconds));
        return b.toString();
    }
}
