package dev.salvo.benchmarks.overhead;

import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.EmbeddedDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * Starts the embedded PostgreSQL with the demo schema for the overhead harness, writes its port to a file, and keeps it
 * running until this process is terminated (the server stops with it).
 *
 * <p>Arguments: {@code <work directory> <port file>}
 */
public final class StartDatabase {
    private StartDatabase() {}

    /**
     * @param args work directory, port file
     * @throws Exception when the server cannot start
     */
    public static void main(String[] args) throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
        try (Connection c = DriverManager.getConnection(db.jdbcUrl())) {
            DemoSchema.load(c);
            c.createStatement().execute("VACUUM ANALYZE orders");
        }
        Files.writeString(Path.of(args[1]), Integer.toString(db.port()));
        Thread.sleep(Long.MAX_VALUE);
    }
}
