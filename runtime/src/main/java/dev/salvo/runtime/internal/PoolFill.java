package dev.salvo.runtime.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.salvo.sql.SalvoException;
import java.io.PrintWriter;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where the pool's connections come from, so that a pool of thousands is full before load starts.
 *
 * <p>HikariCP opens connections on one thread, one at a time: a pool of 2,000 took ~2 minutes to fill on a loaded
 * 2-core machine (~16 connections/s), and requests waited for their connection meanwhile. Its
 * {@code com.zaxxer.hikari.blockUntilFilled} property (7.1) only widens that to min(16, cores) threads, for every pool
 * in the JVM, and says nothing when the server refuses. So Salvo opens the connections itself, {@link #THREADS} at a time
 * ({@link #open}), each set up for the run (its session SQL), and gives them to HikariCP as its data source: HikariCP's
 * own filling then only takes ready connections ({@link #getConnection()}), and opens new ones through the same
 * set-up when it replaces one later.
 */
final class PoolFill implements DataSource {
    /** How many connections are opened at once: the server's connection set-up (a backend process each) bounds it. */
    static final int THREADS = 16;
    /** How many threads hand the ready connections to HikariCP (each sleeps 30 ms after a connection: see widen). */
    static final int HANDOVER_THREADS = 64;
    /** How often the progress line is printed while filling, in ms. */
    private static final long PROGRESS_MILLIS = 5_000;

    private final String url;
    private final Properties properties;
    private final Optional<String> sessionSql;
    private final ConcurrentLinkedQueue<Connection> ready = new ConcurrentLinkedQueue<>();
    private volatile int loginTimeout;

    /**
     * @param url the JDBC URL
     * @param properties the driver's properties (credentials, session tag)
     * @param sessionSql run on every new connection before use (the run's session setup), or empty
     */
    PoolFill(String url, Properties properties, Optional<String> sessionSql) {
        this.url = url;
        this.properties = properties;
        this.sessionSql = sessionSql;
    }

    /**
     * Opens the pool's connections ({@link #open}) and hands them to a new HikariCP pool.
     *
     * @param size the pool's size
     * @param connectionTimeoutMillis how long a request may wait for a connection (and the hand-over may go without
     *     progress)
     * @param product names the database in messages
     * @return the pool, holding {@code size} connections
     * @throws SalvoException one line when the server refuses a connection or the pool does not take them
     */
    HikariDataSource pool(int size, long connectionTimeoutMillis, String product) {
        long t0 = System.nanoTime();
        int threads = open(size, product);
        long opened = System.nanoTime() - t0;
        HikariConfig config = new HikariConfig();
        config.setPoolName("salvo");
        config.setDataSource(this);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setConnectionTimeout(connectionTimeoutMillis);
        config.setAutoCommit(true);
        HikariDataSource pool = new HikariDataSource(config);
        ThreadPoolExecutor adder = widen(pool, Math.min(HANDOVER_THREADS, size));
        try {
            handedOver(() -> pool.getHikariPoolMXBean().getTotalConnections(), size, connectionTimeoutMillis);
        } catch (SalvoException e) {
            pool.close();
            throw e;
        } finally {
            if (adder != null) {
                adder.setCorePoolSize(1);
                adder.setMaximumPoolSize(1);
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf(
                "[salvo] pool: %d connections open in %d ms (%.0f/s, %d at a time; opened in %d ms, then handed to"
                        + " HikariCP)%n",
                size, millis, size * 1000.0 / Math.max(1, millis), threads, TimeUnit.NANOSECONDS.toMillis(opened));
        return pool;
    }

    /**
     * Lets HikariCP take the ready connections on more threads: its one connection-adder thread sleeps 30 ms after each
     * connection it adds (HikariCP 7.1), so a pool of 2,000 would take a minute even with every connection ready. The
     * same executor HikariCP's own {@code blockUntilFilled} widens (to min(16, cores)); reached by reflection, as HikariCP
     * has no setting for it.
     *
     * @return the executor widened, to narrow it again when filled; null when this HikariCP has no such field (then the
     *     hand-over is slower, not wrong)
     */
    private static ThreadPoolExecutor widen(HikariDataSource pool, int threads) {
        try {
            Object hikariPool = pool.getHikariPoolMXBean();
            Field field = hikariPool.getClass().getDeclaredField("addConnectionExecutor");
            field.setAccessible(true);
            ThreadPoolExecutor adder = (ThreadPoolExecutor) field.get(hikariPool);
            adder.setMaximumPoolSize(threads);
            adder.setCorePoolSize(threads);
            return adder;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Opens {@code size} connections, {@link #THREADS} at a time, printing a progress line every few seconds while it
     * lasts.
     *
     * @param size the pool's size
     * @param dialect names the database in messages
     * @return how many were opened at a time
     * @throws SalvoException one line when the server refuses one: for a connection limit, which limit, its value and
     *     what to change; every connection opened is closed again
     */
    int open(int size, String dialect) {
        long t0 = System.nanoTime();
        AtomicInteger left = new AtomicInteger(size);
        AtomicReference<SQLException> failure = new AtomicReference<>();
        int threads = Math.min(THREADS, size);
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "salvo-pool-fill");
            t.setDaemon(true);
            return t;
        });
        for (int i = 0; i < threads; i++) {
            executor.execute(() -> {
                while (failure.get() == null && left.getAndDecrement() > 0) {
                    try {
                        ready.add(newConnection());
                    } catch (SQLException e) {
                        failure.compareAndSet(null, e);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, new SQLException(e.getMessage(), e));
                    }
                }
            });
        }
        executor.shutdown();
        try {
            while (!executor.awaitTermination(PROGRESS_MILLIS, TimeUnit.MILLISECONDS)) {
                System.out.printf(
                        "[salvo] pool: %d of %d connections open (%d at a time), %.0f s%n",
                        ready.size(), size, threads, (System.nanoTime() - t0) / 1e9);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            close();
            throw new SalvoException("database: the pool must fill, but filling it was interrupted", e);
        }
        SQLException e = failure.get();
        if (e != null) {
            String limit = limit(e, size, dialect);
            close();
            throw new SalvoException(limit, e);
        }
        return threads;
    }

    /**
     * Waits until the pool holds every connection opened for it, as long as it keeps taking them.
     *
     * @param total the pool's connection count
     * @param size the pool's size
     * @param timeoutMillis how long it may go without taking one
     * @throws SalvoException when the pool takes none for that long
     */
    private static void handedOver(IntSupplier total, int size, long timeoutMillis) {
        int held = total.getAsInt();
        long since = System.nanoTime();
        while (held < size) {
            if (System.nanoTime() - since > TimeUnit.MILLISECONDS.toNanos(timeoutMillis)) {
                throw new SalvoException("database: the pool must take its " + size + " connections, but it held "
                        + held + " and took none for " + timeoutMillis + " ms (connectionTimeout)");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SalvoException("database: the pool must fill, but filling it was interrupted", e);
            }
            int now = total.getAsInt();
            if (now != held) {
                held = now;
                since = System.nanoTime();
            }
        }
    }

    /**
     * The one line for a connection the server refused while filling.
     *
     * @param e the refusal
     * @param size the pool's size
     * @param dialect the database's name
     * @return the message
     */
    String limit(SQLException e, int size, String dialect) {
        String why = Target.describe(e);
        String head = "database: a pool of " + size + " connections ";
        if (!"53300".equals(e.getSQLState())) {
            return head + "must open, but " + dialect + " refused one: " + why;
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        Connection c = ready.peek();
        if (message.contains("too many connections for role")) {
            return head + "must fit the role's CONNECTION LIMIT, but " + dialect + " refused one: " + why
                    + "; the role's CONNECTION LIMIT is "
                    + read(c, "SELECT rolconnlimit FROM pg_roles WHERE rolname = current_user")
                    + ": raise it (ALTER ROLE ... CONNECTION LIMIT) or lower poolSize";
        }
        if (message.contains("too many connections for database")) {
            return head + "must fit the database's CONNECTION LIMIT, but " + dialect + " refused one: " + why
                    + "; the database's CONNECTION LIMIT is "
                    + read(c, "SELECT datconnlimit FROM pg_database WHERE datname = current_database()")
                    + ": raise it (ALTER DATABASE ... CONNECTION LIMIT) or lower poolSize";
        }
        String reserved = read(
                c,
                "SELECT current_setting('superuser_reserved_connections')::int"
                        + " + coalesce(current_setting('reserved_connections', true)::int, 0)");
        return head + "must fit the server's max_connections, but " + dialect + " refused one: " + why
                + "; max_connections is " + read(c, "SHOW max_connections") + " (" + reserved
                + " of them reserved), shared with every other session: raise max_connections (postgresql.conf;"
                + " takes a restart) or lower poolSize";
    }

    /** @return the first column of the query's one row, or "unknown" when it cannot be read */
    private static String read(Connection c, String sql) {
        if (c == null) {
            return "unknown";
        }
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : "unknown";
        } catch (SQLException e) {
            return "unknown";
        }
    }

    private Connection newConnection() throws SQLException {
        Connection c = DriverManager.getConnection(url, properties);
        if (sessionSql.isPresent()) {
            try (Statement st = c.createStatement()) {
                st.execute(sessionSql.get());
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    /** @return a connection opened by {@link #open}, or a new one set up the same way once they are taken */
    @Override
    public Connection getConnection() throws SQLException {
        Connection c = ready.poll();
        return c != null ? c : newConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's credentials are set in its properties");
    }

    /** Closes the connections opened and not taken. */
    void close() {
        List<Connection> left = new ArrayList<>();
        for (Connection c; (c = ready.poll()) != null; ) {
            left.add(c);
        }
        for (Connection c : left) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing what was never used
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
