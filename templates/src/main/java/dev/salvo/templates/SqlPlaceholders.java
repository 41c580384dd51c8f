package dev.salvo.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The placeholders of a template's SQL: {@code ?} (bound in the order of the parameters) and {@code {name}}
 * ({@code {table}} or a list parameter), outside string literals, quoted identifiers and comments. Converts them to
 * Salvo's named parameters.
 */
final class SqlPlaceholders {
    /** What one placeholder is: a {@code ?} (name null) or a {@code {name}}. */
    record Token(int start, int end, String name) {}

    private final String sql;
    private final List<Token> tokens;

    private SqlPlaceholders(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    static SqlPlaceholders scan(String sql) {
        List<Token> tokens = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int j = sql.indexOf(c, i + 1);
                while (j > 0 && j + 1 < n && sql.charAt(j + 1) == c) {
                    j = sql.indexOf(c, j + 2);
                }
                i = j < 0 ? n : j + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (c == '?') {
                tokens.add(new Token(i, i + 1, null));
                i++;
            } else if (c == '{') {
                int close = sql.indexOf('}', i);
                if (close < 0) {
                    i++;
                    continue;
                }
                tokens.add(new Token(i, close + 1, sql.substring(i + 1, close).trim()));
                i = close + 1;
            } else {
                i++;
            }
        }
        return new SqlPlaceholders(sql, tokens);
    }

    /** @return how many {@code ?} the SQL holds */
    int positional() {
        return (int) tokens.stream().filter(t -> t.name() == null).count();
    }

    /** @return the names inside {@code {...}}, in order, duplicates kept */
    List<String> named() {
        return tokens.stream()
                .map(Token::name)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /**
     * @param positional the parameter bound to each {@code ?}, in order
     * @param lists the list parameter of each {@code {placeholder}}
     * @param quotedTable what {@code {table}} becomes
     * @return the SQL with {@code :name} parameters
     */
    String convert(List<String> positional, Map<String, String> lists, String quotedTable) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int from = 0;
        int next = 0;
        for (Token t : tokens) {
            out.append(sql, from, t.start());
            if (t.name() == null) {
                out.append(':').append(positional.get(next++));
            } else if (t.name().equals("table")) {
                out.append(quotedTable);
            } else {
                out.append(':').append(lists.get(t.name()));
            }
            from = t.end();
        }
        return out.append(sql.substring(from)).toString();
    }
}
