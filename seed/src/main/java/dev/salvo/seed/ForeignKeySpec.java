package dev.salvo.seed;

import java.util.List;

/**
 * A foreign key: the child's columns take the key of an existing parent row, chosen uniformly or skewed by Zipf.
 * Immutable.
 *
 * @param columns the child columns, in key order
 * @param table the parent table
 * @param parentColumns the parent's key columns, in the same order (its primary key or a unique key)
 * @param zipfExponent 0 for uniformly chosen parents, otherwise the Zipf exponent over parent rows (row 0 most often)
 * @param nullFraction the fraction of child rows whose key is NULL (a nullable foreign key), 0 to 1
 */
public record ForeignKeySpec(
        List<String> columns, String table, List<String> parentColumns, double zipfExponent, double nullFraction) {

    /** Copies the lists. */
    public ForeignKeySpec {
        columns = List.copyOf(columns);
        parentColumns = List.copyOf(parentColumns);
    }

    /**
     * @param column the child column
     * @param table the parent table
     * @param parentColumn the parent's key column
     * @return a uniform, not-null foreign key
     */
    public static ForeignKeySpec of(String column, String table, String parentColumn) {
        return new ForeignKeySpec(List.of(column), table, List.of(parentColumn), 0, 0);
    }

    /** @param exponent the Zipf exponent, &gt; 0 @return a copy choosing parents skewed by Zipf */
    public ForeignKeySpec zipf(double exponent) {
        return new ForeignKeySpec(columns, table, parentColumns, exponent, nullFraction);
    }

    /** @param fraction NULL fraction, 0 to 1 @return a copy */
    public ForeignKeySpec nulls(double fraction) {
        return new ForeignKeySpec(columns, table, parentColumns, zipfExponent, fraction);
    }

    /** @return {@code table(col, ...)} */
    String target() {
        return table + "(" + String.join(", ", parentColumns) + ")";
    }
}
