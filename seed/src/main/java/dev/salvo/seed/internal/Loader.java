package dev.salvo.seed.internal;

import dev.salvo.seed.ForeignKeySpec;
import dev.salvo.seed.SeedOptions;
import dev.salvo.seed.SeedSummary;
import dev.salvo.sql.Dialect;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ProfileSnapshots.ConnectionSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a {@link Plan} into PostgreSQL: checks every table first (an existing table holding rows is an error unless
 * truncation was asked), creates missing tables without constraints, streams rows with COPY (text format) on
 * {@code threads} connections taking row batches from a shared counter, or on one connection with COPY FREEZE inside
 * the transaction that created the table; then adds primary keys, unique keys and foreign keys (which PostgreSQL
 * validates), counts every foreign key's orphans, checks row counts and runs ANALYZE.
 */
public final class Loader {
    /** Bytes buffered per thread before they are handed to the COPY stream. */
    static final int FLUSH_BYTES = 1 << 16;

    private final Plan plan;
    private final ConnectionSource connections;
    private final Dialect dialect;
    private final SeedOptions options;

    /**
     * @param plan the plan
     * @param connections opens connections
     * @param dialect quotes identifiers
     * @param options threads, batches, truncation, progress
     */
    public Loader(Plan plan, ConnectionSource connections, Dialect dialect, SeedOptions options) {
        this.plan = plan;
        this.connections = connections;
        this.dialect = dialect;
        this.options = options;
    }

    /** @return the summary @throws SalvoException on a non-empty table, a failed load or a failed check */
    public SeedSummary run() {
        long start = System.nanoTime();
        try (Connection admin = connections.open()) {
            admin.setAutoCommit(true);
            List<String> toTruncate = new ArrayList<>();
            for (Plan.Table t : plan.tables()) {
                if (t.exists() && hasRows(admin, t)) {
                    if (!options.truncate()) {
                        throw new SalvoException(
                                "table '" + t.name() + "': must be empty to be seeded, but holds rows; pass "
                                        + "--truncate (SeedOptions.truncateFirst()) to replace them");
                    }
                    toTruncate.add(quote(t.name()));
                }
            }
            if (!toTruncate.isEmpty()) {
                execute(admin, "TRUNCATE " + String.join(", ", toTruncate));
            }
            List<SeedSummary.TableResult> results = new ArrayList<>();
            for (Plan.Table t : plan.tables()) {
                results.add(load(admin, t));
            }
            for (Plan.Table t : plan.tables()) {
                if (!t.exists()) {
                    addKeys(admin, t);
                }
            }
            for (Plan.Table t : plan.tables()) {
                if (!t.exists()) {
                    for (ForeignKeySpec fk : t.foreignKeys()) {
                        execute(
                                admin,
                                "ALTER TABLE " + quote(t.name()) + " ADD FOREIGN KEY (" + columns(fk.columns())
                                        + ") REFERENCES " + quote(fk.table()) + " (" + columns(fk.parentColumns())
                                        + ")");
                    }
                }
            }
            List<SeedSummary.ForeignKeyCheck> checks = new ArrayList<>();
            for (Plan.Table t : plan.tables()) {
                long count = longValue(admin, "SELECT count(*) FROM " + quote(t.name()));
                if (count != t.rows()) {
                    throw new SalvoException("table '" + t.name() + "': the row count after loading must be " + t.rows()
                            + ", but was " + count);
                }
                for (ForeignKeySpec fk : t.foreignKeys()) {
                    checks.add(
                            new SeedSummary.ForeignKeyCheck(t.name(), fk.columns(), fk.table(), orphans(admin, t, fk)));
                }
                execute(admin, "ANALYZE " + quote(t.name()));
            }
            SeedSummary summary = new SeedSummary(results, checks, (System.nanoTime() - start) / 1e9);
            if (options.out() != null) {
                options.out().print(summary.render());
                options.out().flush();
            }
            return summary;
        } catch (SQLException e) {
            throw new SalvoException("seed: the database must accept the load, but " + oneLine(e), e);
        }
    }

    private SeedSummary.TableResult load(Connection admin, Plan.Table t) throws SQLException {
        long start = System.nanoTime();
        AtomicLong next = new AtomicLong();
        AtomicLong done = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        boolean freeze = options.threads() == 1 && !t.exists();
        try (Progress progress = new Progress(options, t.name(), t.rows(), done)) {
            if (freeze) {
                try (Connection c = connections.open()) {
                    c.setAutoCommit(false);
                    execute(c, createTable(t));
                    copy(c, t, true, next, done, bytes);
                    c.commit();
                }
            } else {
                if (!t.exists()) {
                    execute(admin, createTable(t));
                }
                int threads = (int) Math.max(
                        1, Math.min(options.threads(), (t.rows() + options.batchRows() - 1) / options.batchRows()));
                ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                    Thread th = new Thread(r, "salvo-seed");
                    th.setDaemon(true);
                    return th;
                });
                try {
                    List<Future<?>> futures = new ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        futures.add(pool.submit(() -> {
                            try (Connection c = connections.open()) {
                                c.setAutoCommit(true);
                                copy(c, t, false, next, done, bytes);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> f : futures) {
                        f.get();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SalvoException("table '" + t.name() + "': the load was interrupted", e);
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof SQLException sql) {
                        throw sql;
                    }
                    throw cause instanceof RuntimeException r
                            ? r
                            : new SalvoException("table '" + t.name() + "': " + cause, cause);
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        return new SeedSummary.TableResult(
                t.name(), t.rows(), bytes.get(), (System.nanoTime() - start) / 1e9, !t.exists(), freeze);
    }

    /** Streams batches of rows taken from {@code next} until the table's rows are all taken. */
    private void copy(Connection c, Plan.Table t, boolean freeze, AtomicLong next, AtomicLong done, AtomicLong bytes)
            throws SQLException {
        String sql = "COPY " + quote(t.name()) + " ("
                + columns(t.columns().stream().map(Plan.Column::name).toList()) + ") FROM STDIN"
                + (freeze ? " WITH (FREEZE)" : "");
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        Plan.RowWriter writer = t.newWriter(plan.seed());
        TextOut out = new TextOut(FLUSH_BYTES * 2);
        long sent = 0;
        try {
            int batch = options.batchRows();
            for (long from = next.getAndAdd(batch); from < t.rows(); from = next.getAndAdd(batch)) {
                long to = Math.min(t.rows(), from + batch);
                for (long row = from; row < to; row++) {
                    writer.write(row, out);
                    if (out.length() >= FLUSH_BYTES) {
                        in.writeToCopy(out.bytes(), 0, out.length());
                        sent += out.length();
                        out.clear();
                    }
                }
                done.addAndGet(to - from);
            }
            if (out.length() > 0) {
                in.writeToCopy(out.bytes(), 0, out.length());
                sent += out.length();
            }
            in.endCopy();
            bytes.addAndGet(sent);
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private String createTable(Plan.Table t) {
        return "CREATE TABLE " + quote(t.name()) + " ("
                + t.columns().stream()
                        .map(c -> dialect.quoteIdentifier(c.name()) + " " + c.sqlType())
                        .collect(Collectors.joining(", "))
                + ")";
    }

    private void addKeys(Connection c, Plan.Table t) throws SQLException {
        if (!t.primaryKey().isEmpty()) {
            execute(c, "ALTER TABLE " + quote(t.name()) + " ADD PRIMARY KEY (" + columns(t.primaryKey()) + ")");
        }
        for (List<String> u : t.uniques()) {
            execute(c, "ALTER TABLE " + quote(t.name()) + " ADD UNIQUE (" + columns(u) + ")");
        }
    }

    private long orphans(Connection c, Plan.Table t, ForeignKeySpec fk) throws SQLException {
        StringBuilder on = new StringBuilder();
        StringBuilder notNull = new StringBuilder();
        for (int i = 0; i < fk.columns().size(); i++) {
            String child = "c." + dialect.quoteIdentifier(fk.columns().get(i));
            on.append(i > 0 ? " AND " : "")
                    .append("p.")
                    .append(dialect.quoteIdentifier(fk.parentColumns().get(i)))
                    .append(" = ")
                    .append(child);
            notNull.append(i > 0 ? " AND " : "").append(child).append(" IS NOT NULL");
        }
        return longValue(
                c,
                "SELECT count(*) FROM " + quote(t.name()) + " c WHERE " + notNull + " AND NOT EXISTS "
                        + "(SELECT 1 FROM " + quote(fk.table()) + " p WHERE " + on + ")");
    }

    private boolean hasRows(Connection c, Plan.Table t) throws SQLException {
        return longValue(c, "SELECT count(*) FROM (SELECT 1 FROM " + quote(t.name()) + " LIMIT 1) x") > 0;
    }

    private String quote(String table) {
        return Catalog.quoteTable(dialect, table);
    }

    private String columns(List<String> names) {
        return names.stream().map(dialect::quoteIdentifier).collect(Collectors.joining(", "));
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long longValue(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String oneLine(SQLException e) {
        String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return m + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }
}
