package dev.salvo.runtime.internal;

import dev.salvo.feeders.Tuple;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Runs one statement of a request on a SQL thread and reads every result to its end. */
final class ResultReader {
    private ResultReader() {}

    /**
     * Binds, executes and reads every result to its end: rows (or update counts) and, where measurable, bytes. The
     * statement is the thread's prepared statement for the request's JDBC SQL (expanded for list values).
     *
     * @param thread the SQL thread, with its connection
     * @param request the statement
     * @param values its bound values
     * @param counts where rows and bytes are added: at {@code counts[at]} and {@code counts[at + 1]}
     * @param at the index of rows in counts
     * @param measureBytes whether the dialect's driver gives result bytes
     * @throws SQLException as the driver throws it
     */
    static void execute(
            SqlThread thread, PreparedRequest request, Tuple values, long[] counts, int at, boolean measureBytes)
            throws SQLException {
        PreparedStatement ps = thread.statement(request, request.jdbcSql(values));
        PreparedRequest.setParameters(ps, values);
        boolean isResultSet = ps.execute();
        while (true) {
            if (isResultSet) {
                try (ResultSet rs = ps.getResultSet()) {
                    int columns = measureBytes ? rs.getMetaData().getColumnCount() : 0;
                    long rows = 0;
                    long bytes = 0;
                    while (rs.next()) {
                        rows++;
                        for (int col = 1; col <= columns; col++) {
                            byte[] raw = rs.getBytes(col);
                            if (raw != null) {
                                bytes += raw.length;
                            }
                        }
                    }
                    counts[at] += rows;
                    counts[at + 1] += bytes;
                }
            } else {
                int updated = ps.getUpdateCount();
                if (updated == -1) {
                    break;
                }
                counts[at] += updated;
            }
            isResultSet = ps.getMoreResults();
        }
    }
}
