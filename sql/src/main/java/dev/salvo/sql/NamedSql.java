package dev.salvo.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * SQL with named parameters ({@code :name}), turned into JDBC SQL with {@code ?} placeholders. Text inside string
 * literals, dollar-quoted strings, quoted identifiers and comments is left alone, and {@code ::} casts are not
 * parameters. Immutable.
 */
public final class NamedSql {
    private final String source;
    private final String jdbcSql;
    private final List<String> placeholders;
    /** the JDBC SQL split at its placeholders: one more segment than placeholders */
    private final String[] segments;

    private NamedSql(String source, String jdbcSql, List<String> placeholders, String[] segments) {
        this.source = source;
        this.jdbcSql = jdbcSql;
        this.placeholders = placeholders;
        this.segments = segments;
    }

    /**
     * Parses SQL with {@code :name} parameters.
     *
     * @param sql the SQL text
     * @return the parsed SQL
     * @throws SalvoException when the SQL is blank or a quote or comment is not closed
     */
    public static NamedSql parse(String sql) {
        if (sql == null || sql.isBlank()) {
            throw new SalvoException("sql: must be a non-blank statement, but was " + (sql == null ? "null" : "blank"));
        }
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        int segmentStart = 0;
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'') {
                end = skipQuoted(sql, i, '\'', i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e'));
            } else if (c == '"') {
                end = skipQuoted(sql, i, '"', false);
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                end = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = skipBlockComment(sql, i);
            } else if (c == '$' && dollarTag(sql, i) != null) {
                String tag = dollarTag(sql, i);
                int close = sql.indexOf(tag, i + tag.length());
                if (close < 0) {
                    throw unclosed(sql, "dollar-quoted string " + tag, i);
                }
                end = close + tag.length();
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                end = i + 2;
            } else if (c == ':'
                    && i + 1 < n
                    && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && sql.charAt(i + 1) != '$') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
                    j++;
                }
                names.add(sql.substring(i + 1, j));
                segments.add(out.substring(segmentStart));
                out.append('?');
                segmentStart = out.length();
                i = j;
                continue;
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        segments.add(out.substring(segmentStart));
        return new NamedSql(sql, out.toString(), Collections.unmodifiableList(names), segments.toArray(String[]::new));
    }

    private static int skipQuoted(String sql, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw unclosed(sql, quote == '\'' ? "string literal" : "quoted identifier", start);
    }

    private static int skipBlockComment(String sql, int start) {
        int depth = 0;
        int i = start;
        while (i + 1 < sql.length()) {
            if (sql.charAt(i) == '/' && sql.charAt(i + 1) == '*') {
                depth++;
                i += 2;
            } else if (sql.charAt(i) == '*' && sql.charAt(i + 1) == '/') {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw unclosed(sql, "block comment", start);
    }

    /** @return {@code $tag$} starting at i, or null when the dollar sign does not open a dollar-quoted string */
    private static String dollarTag(String sql, int i) {
        if (i > 0 && (Character.isLetterOrDigit(sql.charAt(i - 1)) || sql.charAt(i - 1) == '_')) {
            return null; // part of an identifier such as a$b
        }
        int j = i + 1;
        while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            if (j == i + 1 && Character.isDigit(sql.charAt(j))) {
                return null; // $1 positional parameter
            }
            j++;
        }
        return j < sql.length() && sql.charAt(j) == '$' ? sql.substring(i, j + 1) : null;
    }

    private static SalvoException unclosed(String sql, String what, int at) {
        return new SalvoException(
                "sql: every " + what + " must be closed, but the one at offset " + at + " is not: " + abbreviate(sql));
    }

    static String abbreviate(String sql) {
        String one = sql.replaceAll("\\s+", " ").trim();
        return one.length() <= 80 ? one : one.substring(0, 77) + "...";
    }

    /** @return the SQL as written, with {@code :name} parameters */
    public String source() {
        return source;
    }

    /** @return the SQL with each parameter replaced by {@code ?} */
    public String jdbcSql() {
        return jdbcSql;
    }

    /** @return the parameter name of each {@code ?}, in order; a name used twice appears twice */
    public List<String> placeholders() {
        return placeholders;
    }

    /**
     * JDBC SQL for list parameters: placeholder {@code i} becomes {@code sizes[i]} comma-separated {@code ?} (so
     * {@code IN (:ids)} with 3 ids becomes {@code IN (?, ?, ?)}); a size of 0 becomes {@code NULL}, which matches nothing.
     *
     * @param sizes the number of values of each placeholder, in placeholder order
     * @return the expanded SQL
     */
    public String expand(int[] sizes) {
        if (sizes.length != placeholders.size()) {
            throw new IllegalArgumentException("sizes: must have one entry per placeholder (" + placeholders.size()
                    + "), but had " + sizes.length);
        }
        StringBuilder out = new StringBuilder(jdbcSql.length() + 8 * sizes.length);
        for (int i = 0; i < sizes.length; i++) {
            out.append(segments[i]);
            if (sizes[i] == 0) {
                out.append("NULL");
            }
            for (int k = 0; k < sizes[i]; k++) {
                out.append(k == 0 ? "?" : ", ?");
            }
        }
        return out.append(segments[sizes.length]).toString();
    }

    /**
     * @return the SQL with its placeholders numbered {@code $1, $2, ...} in order: the text the PostgreSQL JDBC driver
     *     sends for a prepared statement, and so the text {@code pg_stat_statements.query} shows
     */
    public String numberedSql() {
        StringBuilder out = new StringBuilder(jdbcSql.length() + 2 * placeholders.size());
        for (int i = 0; i < placeholders.size(); i++) {
            out.append(segments[i]).append('$').append(i + 1);
        }
        return out.append(segments[placeholders.size()]).toString();
    }

    /** @return the distinct parameter names, in order of first use */
    public Set<String> parameterNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(placeholders));
    }

    @Override
    public String toString() {
        return abbreviate(source);
    }
}
