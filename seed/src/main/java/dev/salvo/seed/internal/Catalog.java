package dev.salvo.seed.internal;

import dev.salvo.seed.ForeignKeySpec;
import dev.salvo.sql.Dialect;
import dev.salvo.sql.SalvoException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a live PostgreSQL table's columns, keys and foreign keys from pg_catalog. */
public final class Catalog {
    static final String COLUMNS_SQL = "SELECT a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull "
            + "FROM pg_catalog.pg_attribute a WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped "
            + "AND a.attgenerated = '' ORDER BY a.attnum";
    static final String CONSTRAINTS_SQL = "SELECT c.contype::text, c.confrelid::regclass::text, "
            + "ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_catalog.pg_attribute a "
            + "ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[], "
            + "ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_catalog.pg_attribute a "
            + "ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] "
            + "FROM pg_catalog.pg_constraint c WHERE c.conrelid = to_regclass(?) AND c.contype IN ('p', 'u', 'f') "
            + "ORDER BY c.contype, c.conname";

    /**
     * A live column.
     *
     * @param name the name
     * @param type the type as {@code format_type} prints it
     * @param notNull whether it is NOT NULL
     */
    public record Column(String name, String type, boolean notNull) {}

    /**
     * A live table.
     *
     * @param name the name as given
     * @param columns its columns in table order (generated columns left out)
     * @param primaryKey the primary key, or empty
     * @param uniques unique constraints
     * @param foreignKeys foreign keys (uniform, not-null choice of parents unless the spec says otherwise)
     */
    public record Table(
            String name,
            List<Column> columns,
            List<String> primaryKey,
            List<List<String>> uniques,
            List<ForeignKeySpec> foreignKeys) {
        /** @param column a name @return the column, or null */
        public Column column(String column) {
            return columns.stream()
                    .filter(c -> c.name().equals(column))
                    .findFirst()
                    .orElse(null);
        }
    }

    private Catalog() {}

    /**
     * @param c a connection
     * @param dialect quotes the name for {@code to_regclass}
     * @param table a table name, optionally {@code schema.table}
     * @return the table, or null when it does not exist
     */
    public static Table read(Connection c, Dialect dialect, String table) {
        String regclass = quoteTable(dialect, table);
        try {
            List<Column> columns = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(COLUMNS_SQL)) {
                ps.setString(1, regclass);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        columns.add(new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                    }
                }
            }
            if (columns.isEmpty()) {
                return null;
            }
            List<String> pk = List.of();
            List<List<String>> uniques = new ArrayList<>();
            List<ForeignKeySpec> fks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(CONSTRAINTS_SQL)) {
                ps.setString(1, regclass);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<String> cols = strings(rs.getArray(3));
                        switch (rs.getString(1)) {
                            case "p" -> pk = cols;
                            case "u" -> uniques.add(cols);
                            default ->
                                fks.add(new ForeignKeySpec(
                                        cols, unquote(rs.getString(2)), strings(rs.getArray(4)), 0, 0));
                        }
                    }
                }
            }
            return new Table(table, columns, pk, uniques, fks);
        } catch (SQLException e) {
            throw new SalvoException("table '" + table + "': the catalog must be readable, but " + e.getMessage(), e);
        }
    }

    /**
     * @param dialect the dialect
     * @param table {@code name} or {@code schema.name}
     * @return the quoted form
     */
    public static String quoteTable(Dialect dialect, String table) {
        int dot = table.indexOf('.');
        return dot < 0
                ? dialect.quoteIdentifier(table)
                : dialect.quoteIdentifier(table.substring(0, dot)) + "."
                        + dialect.quoteIdentifier(table.substring(dot + 1));
    }

    private static String unquote(String regclass) {
        return regclass.startsWith("\"") && regclass.endsWith("\"") && regclass.indexOf('.') < 0
                ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"")
                : regclass;
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
