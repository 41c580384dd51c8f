package dev.salvo.sql.snowflake;

import dev.salvo.sql.SalvoException;

/**
 * Salvo's Snowflake {@code QUERY_TAG}: a JSON object {@code {"salvo":"<run id>","worker":<i>,"request":"<name>"}} that
 * Snowflake stores with every query of the session, so that the run's queries can be found in the query history
 * afterwards. The request member is left out when the tag is set once per connection.
 */
public final class QueryTag {
    /** Snowflake's limit on the length of a query tag, in characters. */
    public static final int MAX_LENGTH = 2000;

    private QueryTag() {}

    /**
     * @param runId the run's id
     * @param workerIndex the load generator's index
     * @param request the request's name, or null for a connection-wide tag
     * @return the tag as compact JSON
     * @throws SalvoException when the tag would be longer than {@value #MAX_LENGTH} characters
     */
    public static String json(String runId, int workerIndex, String request) {
        StringBuilder sb = new StringBuilder("{\"salvo\":");
        string(sb, runId);
        sb.append(",\"worker\":").append(workerIndex);
        if (request != null) {
            sb.append(",\"request\":");
            string(sb, request);
        }
        String tag = sb.append('}').toString();
        if (tag.length() > MAX_LENGTH) {
            throw new SalvoException(
                    "query tag: must be at most " + MAX_LENGTH + " characters (Snowflake's limit), but was "
                            + tag.length() + " characters for run '" + abbreviate(runId) + "'"
                            + (request == null ? "" : " and request '" + abbreviate(request) + "'")
                            + "; shorten the simulation or request name");
        }
        return tag;
    }

    /**
     * A Snowflake string literal in single quotes: backslashes and quotes escaped, so any text stays one literal.
     *
     * @param text the text
     * @return the literal
     */
    public static String literal(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
