package dev.salvo.seed.internal;

/**
 * Where a column's values come from: the spec's seed, the table and the column, combined into one stream key; a row's
 * cell key is a hash of the stream key and the row index.
 *
 * @param seed the spec's seed
 * @param table the table
 * @param column the column
 * @param rows the table's row count
 * @param where the culprit prefix of messages, e.g. {@code table 'orders' column 'amount'}
 */
public record Cell(long seed, String table, String column, long rows, String where) {
    /** @return this column's stream key */
    public long stream() {
        return CellRandom.stream(table, column);
    }

    /** @param label a sub-stream label @return the stream key of a labelled sub-stream */
    public long stream(String label) {
        return CellRandom.stream(table, column + '\0' + label);
    }

    /**
     * @param what the parameter, e.g. {@code normal stddev}
     * @param rule the rule, e.g. {@code > 0}
     * @param value the culprit
     * @return the one-line error
     */
    public dev.salvo.sql.SalvoException error(String what, String rule, Object value) {
        return new dev.salvo.sql.SalvoException(where + ": " + what + " must be " + rule + ", but was " + value);
    }
}
