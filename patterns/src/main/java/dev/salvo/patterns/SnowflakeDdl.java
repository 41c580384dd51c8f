package dev.salvo.patterns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Offline checks of a pattern's {@code snowflake.sql} (there is no Snowflake parser to run here, and no account): the
 * statements Snowflake's CREATE TABLE / CREATE HYBRID TABLE reference allows, without PostgreSQL-only types or syntax,
 * with unquoted identifiers, and with the rules of hybrid tables Salvo relies on. Passing them does not prove that
 * Snowflake accepts the file; it catches what a PostgreSQL-to-Snowflake translation typically gets wrong.
 */
final class SnowflakeDdl {
    private static final Pattern CREATE =
            Pattern.compile("(?is)CREATE\\s+(HYBRID\\s+)?TABLE\\s+([A-Za-z_][A-Za-z0-9_$]*)\\s*\\((.*)\\)\\s*");
    /** PostgreSQL-only types and syntax, each with a name for the message. */
    private static final Map<String, String> POSTGRES_ONLY = new LinkedHashMap<>();

    static {
        POSTGRES_ONLY.put("(?i)\\b(SMALL|BIG)?SERIAL\\b", "SERIAL types (use AUTOINCREMENT)");
        POSTGRES_ONLY.put("(?i)\\bBYTEA\\b", "BYTEA (use BINARY)");
        POSTGRES_ONLY.put("(?i)\\bJSONB?\\b", "JSON/JSONB (use VARIANT)");
        POSTGRES_ONLY.put(
                "(?i)\\bTIMESTAMPTZ\\b|\\bTIMETZ\\b|\\bWITH\\s+TIME\\s+ZONE\\b",
                "a PostgreSQL-style time zone type (use TIMESTAMP_TZ)");
        POSTGRES_ONLY.put("(?i)\\bGENERATED\\b.*\\bAS\\s+IDENTITY\\b", "GENERATED ... AS IDENTITY (use AUTOINCREMENT)");
        POSTGRES_ONLY.put("(?i)\\bNOW\\s*\\(", "now() (use CURRENT_TIMESTAMP())");
        POSTGRES_ONLY.put("::", ":: casts");
        POSTGRES_ONLY.put(
                "(?i)\\bWITH\\s*\\(|\\bUSING\\s+\\w+|\\bTABLESPACE\\b|\\bUNLOGGED\\b|\\bINHERITS\\b",
                "storage options (WITH (...), USING, TABLESPACE, UNLOGGED, INHERITS)");
        POSTGRES_ONLY.put("\\[\\s*\\]", "array types");
        POSTGRES_ONLY.put("(?i)\\b(VACUUM|ANALYZE)\\b", "VACUUM/ANALYZE");
    }

    private SnowflakeDdl() {}

    /**
     * @param where the file, for messages (e.g. {@code oltp/snowflake.sql})
     * @param ddl its text
     * @return one line per problem, {@code <where>: <what> must be <rule>, but was <value>}; empty when it passes
     */
    static List<String> problems(String where, String ddl) {
        List<String> out = new ArrayList<>();
        Map<String, Boolean> hybridByTable = new LinkedHashMap<>();
        for (String sql : PatternSetup.statements(ddl)) {
            String head = sql.lines().findFirst().orElse("").strip();
            if (sql.indexOf('"') >= 0 || sql.indexOf('`') >= 0) {
                out.add(where + ": identifiers must be unquoted (Snowflake resolves them case-insensitively), but was '"
                        + head + "'");
            }
            for (Map.Entry<String, String> e : POSTGRES_ONLY.entrySet()) {
                Matcher m = Pattern.compile(e.getKey(), Pattern.DOTALL).matcher(withoutStrings(sql));
                if (m.find()) {
                    out.add(where + ": a statement must use no PostgreSQL-only " + e.getValue() + ", but '" + head
                            + "' has '" + m.group().strip() + "'");
                }
            }
            Matcher c = CREATE.matcher(sql);
            if (!c.matches()) {
                out.add(where + ": every statement must be CREATE TABLE or CREATE HYBRID TABLE, but was '" + head
                        + "'");
                continue;
            }
            boolean hybrid = c.group(1) != null;
            String table = c.group(2).toUpperCase(Locale.ROOT);
            hybridByTable.put(table, hybrid);
            Map<String, String> types = new LinkedHashMap<>();
            for (String item : items(c.group(3))) {
                String first = item.split("\\s+")[0].toUpperCase(Locale.ROOT);
                if (item.matches("(?is).*\\b(AUTOINCREMENT|IDENTITY)\\s+START\\b.*")
                        && !item.matches("(?is).*\\bSTART\\s+\\d+\\s+INCREMENT\\s+\\d+.*")) {
                    out.add(where + ": " + table + "." + first
                            + ": AUTOINCREMENT START must be followed by INCREMENT, but was '" + item + "'");
                }
                Matcher ref = Pattern.compile("(?i)\\bREFERENCES\\s+([A-Za-z_][A-Za-z0-9_$]*)")
                        .matcher(item);
                if (ref.find()) {
                    String parent = ref.group(1).toUpperCase(Locale.ROOT);
                    if (!hybridByTable.containsKey(parent)) {
                        out.add(where + ": " + table + ": a foreign key must reference a table created before it, but "
                                + parent + " is not");
                    } else if (hybrid && !hybridByTable.get(parent)) {
                        out.add(where + ": " + table
                                + ": a hybrid table's foreign key must reference a hybrid table, but " + parent
                                + " is a standard table");
                    }
                }
                if (first.equals("INDEX")) {
                    if (!hybrid) {
                        out.add(where + ": " + table
                                + ": an INDEX must be in a hybrid table, but the table is standard");
                    }
                    Matcher cols = Pattern.compile("\\(([^)]*)\\)").matcher(item);
                    if (cols.find()) {
                        for (String col : cols.group(1).split(",")) {
                            String type = types.getOrDefault(col.strip().toUpperCase(Locale.ROOT), "");
                            if (!type.matches("(?i)(NUMBER|INTEGER|INT|BIGINT|VARCHAR|CHAR|DATE).*")) {
                                out.add(where + ": " + table
                                        + ": an index column must be a number, text or date column, but " + col.strip()
                                        + " is '" + type + "'");
                            }
                        }
                    }
                } else if (!first.matches("PRIMARY|FOREIGN|CONSTRAINT|UNIQUE")) {
                    types.put(first, item.split("\\s+").length > 1 ? item.split("\\s+")[1] : "");
                }
            }
            if (hybrid && !c.group(3).toUpperCase(Locale.ROOT).contains("PRIMARY KEY")) {
                out.add(where + ": " + table + ": a hybrid table must have a PRIMARY KEY, but has none");
            }
        }
        return out;
    }

    /**
     * @param ddl a DDL script (any dialect)
     * @return each created table (upper case) with its column names (upper case), in order
     */
    static Map<String, List<String>> tables(String ddl) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String sql : PatternSetup.statements(ddl)) {
            Matcher c = CREATE.matcher(sql);
            if (c.matches()) {
                List<String> columns = new ArrayList<>();
                for (String item : items(c.group(3))) {
                    String first = item.split("\\s+")[0].toUpperCase(Locale.ROOT);
                    if (!first.matches("PRIMARY|FOREIGN|CONSTRAINT|UNIQUE|INDEX")) {
                        columns.add(first);
                    }
                }
                out.put(c.group(2).toUpperCase(Locale.ROOT), columns);
            }
        }
        return out;
    }

    /** The comma-separated items of a column list, commas inside parentheses kept. */
    private static List<String> items(String body) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char ch : body.toCharArray()) {
            if (ch == ',' && depth == 0) {
                out.add(cur.toString().strip());
                cur.setLength(0);
                continue;
            }
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            cur.append(ch);
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString().strip());
        }
        return out;
    }

    private static String withoutStrings(String sql) {
        return sql.replaceAll("'(?:[^']|'')*'", "''");
    }
}
