package dev.salvo.sql.profile;

import dev.salvo.sql.Dialect;
import dev.salvo.sql.SalvoException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JDBC plumbing shared by the profilers: catalog names, column types, exact and sampled queries. */
final class ProfilerSupport {
    private ProfilerSupport() {}

    /** @return {@code "schema"."table"} or {@code "table"}: a dot separates the schema from the table */
    static String quoteTable(Dialect dialect, String table) {
        if (table == null || table.isBlank()) {
            throw new SalvoException("profile: the table must be a non-empty name, but was '" + table + "'");
        }
        int dot = table.indexOf('.');
        return dot < 0
                ? dialect.quoteIdentifier(table)
                : dialect.quoteIdentifier(table.substring(0, dot)) + "."
                        + dialect.quoteIdentifier(table.substring(dot + 1));
    }

    /** The table's columns and their types, in table order, read from an empty result's metadata. */
    static Map<String, ColumnType> columnTypes(Connection c, String quotedTable, String table) {
        Map<String, ColumnType> types = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * FROM " + quotedTable + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                types.put(
                        md.getColumnName(i),
                        ColumnType.fromJdbc(md.getColumnType(i), md.getScale(i), md.getColumnTypeName(i)));
            }
        } catch (SQLException e) {
            throw new SalvoException(
                    "profile: table '" + table + "' must exist and be readable, but reading it failed: " + oneLine(e),
                    e);
        }
        return types;
    }

    /** The requested columns (all when empty) with their types; an unknown column is an error listing the real ones. */
    static Map<String, ColumnType> select(Map<String, ColumnType> all, List<String> requested, String table) {
        if (requested == null || requested.isEmpty()) {
            return all;
        }
        Map<String, ColumnType> out = new LinkedHashMap<>();
        for (String column : requested) {
            ColumnType t = all.get(column);
            if (t == null) {
                throw new SalvoException("profile of table '" + table + "': column '" + column + "' must be one of "
                        + all.keySet() + ", but was not found");
            }
            out.put(column, t);
        }
        return out;
    }

    /** Runs a query and returns every row as a list of raw JDBC values. */
    static List<List<Object>> rows(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                List<List<Object>> out = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        row.add(v instanceof java.sql.Array a ? List.of((Object[]) a.getArray()) : v);
                    }
                    out.add(row);
                }
                return out;
            }
        } catch (SQLException e) {
            throw new SalvoException(
                    "profile: the query must succeed, but failed: " + oneLine(e) + " (SQL: " + sql + ")", e);
        }
    }

    /** One column of sampled rows, converted to the column's Java type. */
    static List<Object> column(List<List<Object>> rows, int index, ColumnType type) {
        List<Object> out = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            out.add(type.fromJdbcValue(row.get(index)));
        }
        return out;
    }

    /** Column list of a SELECT, each quoted. */
    static String selectList(Dialect dialect, Iterable<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            sb.append(sb.length() == 0 ? "" : ", ").append(dialect.quoteIdentifier(c));
        }
        return sb.toString();
    }

    /**
     * Exact mode, the same SQL on every dialect: full-scan counts, distinct count, min and max, then the most common
     * values by GROUP BY. The LIMIT is a validated integer, not user text.
     */
    static ColumnProfile exact(
            Connection c,
            Dialect dialect,
            String quotedTable,
            String column,
            ColumnType type,
            List<Object> sample,
            ProfileOptions options) {
        String q = dialect.quoteIdentifier(column);
        List<Object> r = rows(
                        c,
                        "SELECT count(*), count(" + q + "), count(DISTINCT " + q + "), min(" + q + "), max(" + q
                                + ") FROM " + quotedTable)
                .get(0);
        long total = ((Number) r.get(0)).longValue();
        long nonNull = ((Number) r.get(1)).longValue();
        List<ValueFrequency> common = new ArrayList<>();
        if (total > 0) {
            for (List<Object> row : rows(
                    c,
                    "SELECT " + q + ", count(*) FROM " + quotedTable + " WHERE " + q + " IS NOT NULL GROUP BY " + q
                            + " ORDER BY 2 DESC, 1 LIMIT " + options.mostCommonLimit())) {
                common.add(new ValueFrequency(
                        type.fromJdbcValue(row.get(0)), ((Number) row.get(1)).doubleValue() / total));
            }
        }
        List<Object> nonNullSample = new ArrayList<>();
        for (Object v : sample) {
            if (v != null && nonNullSample.size() < options.sampleSize()) {
                nonNullSample.add(v);
            }
        }
        return new ColumnProfile(
                column,
                type,
                type.fromJdbcValue(r.get(3)),
                type.fromJdbcValue(r.get(4)),
                ((Number) r.get(2)).longValue(),
                total - nonNull,
                total,
                nonNullSample,
                common,
                List.of(),
                ProfileMode.EXACT);
    }

    static void execute(Connection c, String sql) {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new SalvoException(
                    "profile: the statement must succeed, but failed: " + oneLine(e) + " (SQL: " + sql + ")", e);
        }
    }

    static long count(Connection c, String quotedTable) {
        return ((Number) rows(c, "SELECT count(*) FROM " + quotedTable).get(0).get(0)).longValue();
    }

    static String oneLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
