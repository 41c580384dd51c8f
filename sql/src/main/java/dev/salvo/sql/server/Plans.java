package dev.salvo.sql.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code EXPLAIN (VERBOSE, FORMAT JSON)} of a statement with bound values: the plan, and the query identifier the
 * server gives the statement (with {@code compute_query_id} on, or auto with pg_stat_statements loaded). The values are
 * bound exactly as the run binds them, so the parameter types, and therefore the identifier, are the same as the
 * executed statement's. The statement is planned, not executed.
 */
final class Plans {
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'|\\$\\d+|\\?|\\b\\d+(?:\\.\\d+)?\\b");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Plans() {}

    static ServerStatistics.Explained explain(Connection c, String jdbcSql, ServerStatistics.Binder binder) {
        String json;
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN (VERBOSE, FORMAT JSON) " + jdbcSql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                json = rs.getString(1);
            }
        } catch (SQLException e) {
            return new ServerStatistics.Explained(
                    null, null, "plan: unavailable: " + PostgresServerStatistics.describe(e));
        }
        Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
        Object plan = parsed instanceof List<?> list && !list.isEmpty() ? list.get(0) : parsed;
        Long queryId = null;
        if (plan instanceof Map<?, ?> m && m.get("Query Identifier") instanceof Number n) {
            queryId = n.longValue();
        }
        return new ServerStatistics.Explained(
                queryId,
                plan,
                queryId == null
                        ? "query identifier: unavailable: the server computed none (compute_query_id is off)"
                        : null);
    }

    /**
     * @param sql a statement's text
     * @return the text with literals and placeholders as {@code ?} and white space collapsed, for matching
     */
    static String normalise(String sql) {
        String s = LITERAL.matcher(sql).replaceAll("?");
        s = SPACE.matcher(s).replaceAll(" ").trim();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).trim() : s;
    }
}
