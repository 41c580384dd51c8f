package dev.salvo.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Opens a direct (unpooled) connection with one clear line when it fails: for checks before load and for profiling. */
public final class Connections {
    private Connections() {}

    /**
     * Opens a connection with the settings' {@link DatabaseSettings#connectionProperties() properties}.
     *
     * @param settings where to connect (not embedded)
     * @return the connection
     * @throws SalvoException one line naming the URL (credentials masked), user and the driver's first message line
     */
    public static Connection open(DatabaseSettings settings) {
        String url = settings.url()
                .orElseThrow(() ->
                        new SalvoException("database: a JDBC URL must be set (salvo.url / SALVO_URL), but none is"));
        Dialect dialect = Dialect.forUrl(url);
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            throw new SalvoException(
                    "database " + settings.maskedUrl() + ": a JDBC driver for " + dialect.name()
                            + " must be on the class path, but none is" + dialect.driverHint(),
                    e);
        }
        try {
            return DriverManager.getConnection(url, settings.connectionProperties());
        } catch (SQLException | RuntimeException e) {
            throw new SalvoException(
                    "database " + settings.maskedUrl() + ": must accept a connection"
                            + settings.user().map(u -> " as user '" + u + "'").orElse("") + ", but " + describe(e),
                    e);
        }
    }

    /**
     * @param e a failure
     * @return one line: the first line of its message (or of its deepest cause's when it has none) and the SQLSTATE
     */
    public static String describe(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null
                ? t.getClass().getSimpleName()
                : t.getMessage()
                        .lines()
                        .map(String::strip)
                        .filter(l -> !l.isEmpty())
                        .findFirst()
                        .orElse("");
        if (e instanceof SQLException sql && sql.getSQLState() != null) {
            return message + " (SQLSTATE " + sql.getSQLState() + ")";
        }
        return message;
    }
}
