package dev.salvo.sql;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Default SQL per query kind, generated from a {@link TableShape} for a dialect. Identifiers are quoted by the dialect;
 * values are always named parameters ({@code :key}, {@code :from}, {@code :to}, or the column name for INSERT/UPDATE).
 * The parameter names of a kind and shape are the same for every dialect.
 */
public final class SqlTemplates {
    private SqlTemplates() {}

    /**
     * @param kind the query kind; GENERIC has no default SQL
     * @param shape the table and columns
     * @param dialect the dialect that quotes identifiers and supplies dialect-specific functions
     * @return SQL with named parameters
     * @throws SalvoException naming the kind and the missing part of the shape
     */
    public static String render(QueryKind kind, TableShape shape, Dialect dialect) {
        String t = dialect.quoteIdentifier(require(kind, "table", shape.table()));
        return switch (kind) {
            case POINT_LOOKUP ->
                "SELECT " + select(shape, dialect, "") + " FROM " + t + " WHERE "
                        + q(dialect, require(kind, "key", shape.key())) + " = :key";
            case RANGE_SCAN ->
                "SELECT " + select(shape, dialect, "") + " FROM " + t + " WHERE "
                        + between(dialect, "", require(kind, "range", shape.range()));
            case INSERT -> {
                List<String> cols = requireColumns(kind, shape);
                yield "INSERT INTO " + t + " ("
                        + cols.stream().map(c -> q(dialect, c)).collect(Collectors.joining(", ")) + ") VALUES ("
                        + cols.stream().map(c -> ":" + parameterName(kind, c)).collect(Collectors.joining(", ")) + ")";
            }
            case UPDATE -> {
                List<String> cols = requireColumns(kind, shape);
                String key = require(kind, "key", shape.key());
                yield "UPDATE " + t + " SET "
                        + cols.stream()
                                .map(c -> q(dialect, c) + " = :" + parameterName(kind, c))
                                .collect(Collectors.joining(", "))
                        + " WHERE " + q(dialect, key) + " = :key";
            }
            case AGGREGATION -> {
                String g = q(dialect, require(kind, "group", shape.group()));
                String m = q(dialect, require(kind, "measure", shape.measure()));
                yield "SELECT " + g + ", count(*) AS n, sum(" + m + ") AS total, avg(" + m + ") AS mean FROM " + t
                        + where(dialect, "", shape.range()) + " GROUP BY " + g;
            }
            case WINDOWED -> {
                String k = q(dialect, require(kind, "key", shape.key()));
                String g = q(dialect, require(kind, "group", shape.group()));
                String m = q(dialect, require(kind, "measure", shape.measure()));
                String order = shape.range() == null ? k : q(dialect, shape.range());
                yield "SELECT " + k + ", " + g + ", " + m + ", sum(" + m + ") OVER (PARTITION BY " + g + " ORDER BY "
                        + order
                        + ", " + k + ") AS running_total, rank() OVER (PARTITION BY " + g + " ORDER BY " + m
                        + " DESC) AS rank_in_"
                        + "group FROM " + t + where(dialect, "", shape.range());
            }
            case ANALYTICAL_JOIN -> {
                String j = dialect.quoteIdentifier(require(kind, "joinTable", shape.joinTable()));
                String jk = q(dialect, require(kind, "joinKey", shape.joinKey()));
                String g = q(dialect, require(kind, "group", shape.group()));
                String m = q(dialect, require(kind, "measure", shape.measure()));
                yield "SELECT b." + g + ", count(*) AS n, sum(a." + m + ") AS total FROM " + t + " a JOIN " + j
                        + " b ON a." + jk + " = b." + jk + where(dialect, "a.", shape.range()) + " GROUP BY b." + g;
            }
            case WIDE_SCAN -> "SELECT * FROM " + t + where(dialect, "", shape.range());
            case APPROX_DISTINCT ->
                "SELECT "
                        + dialect.approxCountDistinct(
                                q(dialect, requireColumns(kind, shape).get(0))) + " AS approx_distinct FROM " + t
                        + where(dialect, "", shape.range());
            case GENERIC ->
                throw new SalvoException("GENERIC: a generic query must be given its SQL with .query(...), "
                        + "but only a table was given");
        };
    }

    private static String select(TableShape shape, Dialect d, String alias) {
        return shape.columns().isEmpty()
                ? "*"
                : shape.columns().stream().map(c -> alias + q(d, c)).collect(Collectors.joining(", "));
    }

    private static String where(Dialect d, String alias, String range) {
        return range == null ? "" : " WHERE " + between(d, alias, range);
    }

    private static String between(Dialect d, String alias, String range) {
        return alias + q(d, range) + " >= :from AND " + alias + q(d, range) + " < :to";
    }

    private static String q(Dialect d, String identifier) {
        return d.quoteIdentifier(identifier);
    }

    private static String require(QueryKind kind, String part, String value) {
        if (value == null || value.isBlank()) {
            throw new SalvoException(kind + ": the " + part + " must be set with " + method(part)
                    + " for the default SQL, but it" + " was not");
        }
        return value;
    }

    private static String method(String part) {
        return switch (part) {
            case "group" -> ".groupBy(...)";
            case "joinTable", "joinKey" -> ".join(table, key)";
            default -> "." + part + "(...)";
        };
    }

    private static List<String> requireColumns(QueryKind kind, TableShape shape) {
        if (shape.columns().isEmpty()) {
            throw new SalvoException(kind
                    + ": at least one column must be set with .columns(...) for the default SQL, but none" + " was");
        }
        return shape.columns();
    }

    private static String parameterName(QueryKind kind, String column) {
        if (!column.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new SalvoException(
                    kind + ": a written column must have a name usable as a parameter ([A-Za-z_][A-Za-z0-9_]*), "
                            + "but was '" + column + "'; write the SQL with .query(...)");
        }
        return column;
    }
}
