package dev.salvo.sql.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads counters whose column names differ between server versions: each counter has Salvo's name and a list of
 * candidate columns, newest first; the first one the view has is read. Columns are detected from the catalog.
 */
final class Columns {
    private Columns() {}

    /** @return the view's column names, empty when the relation does not exist */
    static Set<String> of(Connection c, String qualifiedName) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT attname FROM pg_attribute WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped")) {
            ps.setString(1, qualifiedName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /**
     * @param counters Salvo's name to candidate columns
     * @param present the view's columns
     * @return select-list expressions (float8, aliased by Salvo's name) for the counters the view has
     */
    static Map<String, String> select(Map<String, List<String>> counters, Set<String> present) {
        Map<String, String> out = new LinkedHashMap<>();
        counters.forEach((name, candidates) -> candidates.stream()
                .filter(present::contains)
                .findFirst()
                .ifPresent(column -> out.put(name, expression(column))));
        return out;
    }

    private static String expression(String column) {
        String quoted = '"' + column + '"';
        return column.equals("stats_reset") || column.equals("stats_since")
                ? "coalesce(extract(epoch FROM " + quoted + ") * 1000, 0)::float8"
                : "coalesce(" + quoted + ", 0)::float8";
    }

    /** Reads one row of counters; empty when the query returns no row. */
    static Map<String, Double> readRow(Connection c, String from, Map<String, String> select) throws SQLException {
        Map<String, Double> out = new LinkedHashMap<>();
        if (select.isEmpty()) {
            return out;
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        select.forEach((name, expression) -> sql.append(expression).append(", "));
        sql.setLength(sql.length() - 2);
        sql.append(" FROM ").append(from);
        try (PreparedStatement ps = c.prepareStatement(sql.toString());
                ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                int i = 1;
                for (String name : select.keySet()) {
                    out.put(name, rs.getDouble(i++));
                }
            }
        }
        return out;
    }

    /** A candidate list. */
    static List<String> of(String... columns) {
        return List.of(columns);
    }
}
