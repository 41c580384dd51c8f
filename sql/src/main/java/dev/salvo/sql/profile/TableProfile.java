package dev.salvo.sql.profile;

import dev.salvo.sql.SalvoException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profiles of some columns of one table, in the order they were requested.
 *
 * @param table the table name as stored in the catalog
 * @param dialect the dialect that profiled it, e.g. {@code postgresql}
 * @param totalRows the table's row count (estimated unless every column's mode is EXACT)
 * @param columns the column profiles by name, in order
 */
public record TableProfile(String table, String dialect, long totalRows, Map<String, ColumnProfile> columns) {

    /** Copies the map, keeping its order. */
    public TableProfile {
        if (table == null || table.isEmpty()) {
            throw new SalvoException("table profile: the table name must be non-empty, but was '" + table + "'");
        }
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
    }

    /**
     * @param table the table
     * @param dialect the dialect name
     * @param totalRows the row count
     * @param columns the column profiles, in order
     * @return the table profile
     */
    public static TableProfile of(String table, String dialect, long totalRows, List<ColumnProfile> columns) {
        Map<String, ColumnProfile> map = new LinkedHashMap<>();
        for (ColumnProfile c : columns) {
            map.put(c.name(), c);
        }
        return new TableProfile(table, dialect, totalRows, map);
    }

    /**
     * @param name a column name
     * @return its profile
     * @throws SalvoException naming the table, the column and the profiled columns when it was not profiled
     */
    public ColumnProfile column(String name) {
        ColumnProfile c = columns.get(name);
        if (c == null) {
            throw new SalvoException(
                    "profile of table '" + table + "': column '" + name + "' must be one of the profiled " + "columns "
                            + columns.keySet() + ", but was not found; profile it (or refresh the snapshot)");
        }
        return c;
    }
}
