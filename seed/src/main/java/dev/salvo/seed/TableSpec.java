package dev.salvo.seed;

import dev.salvo.sql.profile.TableProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * One table to seed. Immutable: every method returns a changed copy.
 *
 * @param name the table name as stored in the catalog
 * @param rows the row count, or -1 when it comes from {@code perParent} or the profile
 * @param columns the columns with explicit settings (a live table's other columns get type defaults)
 * @param primaryKey the primary key columns (empty: none, or the live table's)
 * @param uniques further unique keys, each a list of columns
 * @param foreignKeys foreign keys to other tables of the spec
 * @param perParent children per parent row (the row count is then their sum), or null
 * @param profile a column profile whose shape unlisted columns follow, or null
 */
public record TableSpec(
        String name,
        long rows,
        List<ColumnSpec> columns,
        List<String> primaryKey,
        List<List<String>> uniques,
        List<ForeignKeySpec> foreignKeys,
        PerParent perParent,
        TableProfile profile) {

    /**
     * Each row of {@code table} gets between {@code min} and {@code max} children (uniform), e.g. 1-20 lines per order.
     *
     * @param table the parent table; this table needs a foreign key to it
     * @param min fewest children, &gt;= 0
     * @param max most children, &gt;= min
     */
    public record PerParent(String table, int min, int max) {}

    /** Copies the lists. */
    public TableSpec {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniques = uniques.stream().map(List::copyOf).toList();
        foreignKeys = List.copyOf(foreignKeys);
    }

    /** @param name the table @return a table with no settings (row count unset) */
    public static TableSpec named(String name) {
        return new TableSpec(name, -1, List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /** @param count the row count @return a copy */
    public TableSpec rows(long count) {
        return new TableSpec(name, count, columns, primaryKey, uniques, foreignKeys, perParent, profile);
    }

    /** @param column a column @return a copy with it added (or replacing one of the same name) */
    public TableSpec column(ColumnSpec column) {
        List<ColumnSpec> list = new ArrayList<>(columns);
        list.removeIf(c -> c.name().equals(column.name()));
        list.add(column);
        return new TableSpec(name, rows, list, primaryKey, uniques, foreignKeys, perParent, profile);
    }

    /** @param column a column name @param gen its generator @return a copy with a not-null column */
    public TableSpec column(String column, Gen gen) {
        return column(ColumnSpec.of(column, gen));
    }

    /** @param keyColumns the primary key @return a copy */
    public TableSpec primaryKey(String... keyColumns) {
        return new TableSpec(name, rows, columns, List.of(keyColumns), uniques, foreignKeys, perParent, profile);
    }

    /** @param keyColumns a unique key @return a copy */
    public TableSpec unique(String... keyColumns) {
        List<List<String>> list = new ArrayList<>(uniques);
        list.add(List.of(keyColumns));
        return new TableSpec(name, rows, columns, primaryKey, list, foreignKeys, perParent, profile);
    }

    /** @param fk a foreign key @return a copy */
    public TableSpec foreignKey(ForeignKeySpec fk) {
        List<ForeignKeySpec> list = new ArrayList<>(foreignKeys);
        list.add(fk);
        return new TableSpec(name, rows, columns, primaryKey, uniques, list, perParent, profile);
    }

    /** @param parent the parent table @param min fewest children @param max most children @return a copy */
    public TableSpec perParent(String parent, int min, int max) {
        return new TableSpec(
                name, rows, columns, primaryKey, uniques, foreignKeys, new PerParent(parent, min, max), profile);
    }

    /** @param tableProfile the profile unlisted columns follow @return a copy */
    public TableSpec profile(TableProfile tableProfile) {
        return new TableSpec(name, rows, columns, primaryKey, uniques, foreignKeys, perParent, tableProfile);
    }

    /** @param column a name @return the column's settings, or null */
    public ColumnSpec columnNamed(String column) {
        for (ColumnSpec c : columns) {
            if (c.name().equals(column)) {
                return c;
            }
        }
        return null;
    }
}
