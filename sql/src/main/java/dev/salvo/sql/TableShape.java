package dev.salvo.sql;

import java.util.List;

/**
 * The table and columns a query kind's default SQL is generated from (see {@link SqlTemplates}). Names are catalog
 * names; the dialect quotes them. Only the parts a kind needs must be set.
 *
 * @param table the table (required)
 * @param key the key column: POINT_LOOKUP, UPDATE, WINDOWED (row identity)
 * @param columns the selected columns (empty means {@code *}); INSERT/UPDATE: the written columns; APPROX_DISTINCT:
 *     the counted column
 * @param range a column filtered by {@code >= :from AND < :to}: RANGE_SCAN (required), AGGREGATION, WINDOWED,
 *     ANALYTICAL_JOIN, WIDE_SCAN (optional)
 * @param group the grouping / partitioning column: AGGREGATION, WINDOWED; ANALYTICAL_JOIN: a column of the joined table
 * @param measure a numeric column summed: AGGREGATION, WINDOWED, ANALYTICAL_JOIN
 * @param joinTable ANALYTICAL_JOIN: the joined table
 * @param joinKey ANALYTICAL_JOIN: the column both tables share
 */
public record TableShape(
        String table,
        String key,
        List<String> columns,
        String range,
        String group,
        String measure,
        String joinTable,
        String joinKey) {

    /** Copies the column list. */
    public TableShape {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /**
     * @param table the table
     * @return a shape with only the table set
     */
    public static TableShape of(String table) {
        return new TableShape(table, null, List.of(), null, null, null, null, null);
    }

    /** @param key the key column @return a copy */
    public TableShape withKey(String key) {
        return new TableShape(table, key, columns, range, group, measure, joinTable, joinKey);
    }

    /** @param columns the columns @return a copy */
    public TableShape withColumns(List<String> columns) {
        return new TableShape(table, key, columns, range, group, measure, joinTable, joinKey);
    }

    /** @param range the range column @return a copy */
    public TableShape withRange(String range) {
        return new TableShape(table, key, columns, range, group, measure, joinTable, joinKey);
    }

    /** @param group the grouping column @return a copy */
    public TableShape withGroup(String group) {
        return new TableShape(table, key, columns, range, group, measure, joinTable, joinKey);
    }

    /** @param measure the measure column @return a copy */
    public TableShape withMeasure(String measure) {
        return new TableShape(table, key, columns, range, group, measure, joinTable, joinKey);
    }

    /** @param joinTable the joined table @param joinKey the shared column @return a copy */
    public TableShape withJoin(String joinTable, String joinKey) {
        return new TableShape(table, key, columns, range, group, measure, joinTable, joinKey);
    }
}
