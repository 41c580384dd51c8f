package dev.salvo.sql.profile;

import java.sql.Connection;
import java.util.List;

/**
 * Profiles table columns for one database. Obtain one from {@link dev.salvo.sql.Dialect#profiler()}. Identifiers are
 * quoted by the dialect and values are bound, so any catalog name is safe.
 */
public interface Profiler {
    /**
     * @param connection an open connection; it is not closed
     * @param table the table name as stored in the catalog (optionally {@code schema.table})
     * @param columns the columns to profile, as stored in the catalog; empty means every column
     * @param options mode, sample caps and seed
     * @return the profile, columns in the requested order
     * @throws dev.salvo.sql.SalvoException when the table or a column does not exist, or a query fails
     */
    TableProfile profile(Connection connection, String table, List<String> columns, ProfileOptions options);
}
