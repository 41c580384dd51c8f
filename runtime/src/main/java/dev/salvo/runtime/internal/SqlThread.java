package dev.salvo.runtime.internal;

import io.gatling.core.session.Session;
import io.netty.channel.EventLoop;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of Salvo's SQL threads. It holds one pooled connection for as long as the connection works, and keeps a prepared
 * statement per request and SQL text on it, so that a request neither borrows a connection from the pool nor creates and closes a
 * JDBC statement (a raw JDBC loop does neither). The pool has as many connections as there are SQL threads, so every
 * thread gets one. A connection that fails goes back to the pool, which replaces it; when the thread ends (the run
 * drains), its connection goes back too.
 */
final class SqlThread extends Thread {
    /** Statements kept per connection; the least recently used is closed beyond this. */
    static final int STATEMENTS = 64;

    private final Target target;
    private final java.util.function.BooleanSupplier continuing;
    private Connection connection;
    /** true while this thread waits for the pool (it has no statement to cancel then) */
    private volatile boolean acquiring;
    /** true while this thread serves a virtual user (a drain counts those it cancels) */
    private volatile boolean serving;
    /** tasks this thread gave itself while serving a virtual user's actions (see {@link SqlLoop}) */
    private final ArrayDeque<Runnable> later = new ArrayDeque<>();
    /** this thread's view of each Gatling event loop (there are as many as cores) */
    private final IdentityHashMap<EventLoop, SqlLoop> loops = new IdentityHashMap<>();

    private final LinkedHashMap<String, PreparedStatement> statements = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > STATEMENTS) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    SqlThread(Target target, Runnable work, String name) {
        this(target, target::continuing, work, name);
    }

    /** @param continuing says whether the thread may go on with the virtual user it serves (tests give their own) */
    SqlThread(Target target, java.util.function.BooleanSupplier continuing, Runnable work, String name) {
        super(work, name);
        this.target = target;
        this.continuing = continuing;
        setDaemon(true);
    }

    /**
     * Runs a request handed over by Gatling, then whatever the virtual user does next on this thread (see
     * {@link SqlLoop}), until the user leaves it: a pause, a hand-off back to Gatling, its end.
     *
     * @param task the request
     */
    void serve(Runnable task) {
        serving = true;
        try {
            Runnable next = task;
            while (next != null) {
                try {
                    next.run();
                } catch (RuntimeException e) {
                    // as Gatling's event loop does with a task that throws: logged, the thread goes on
                    System.err.println("[salvo] WARN a virtual user's action failed on " + getName() + ": " + e);
                }
                next = later.poll();
            }
        } finally {
            serving = false;
        }
    }

    /** @return true while this thread serves a virtual user's request (or what the user does next on it) */
    boolean serving() {
        return serving;
    }

    /**
     * @return true while this thread may go on with the virtual user it serves: the run accepts requests and no other
     *     request waits for a SQL thread (then the user goes back to Gatling's event loop and the waiting one is served
     *     first, as before)
     */
    boolean continuing() {
        return continuing.getAsBoolean();
    }

    /** @param task runs on this thread after the current task (an event loop's task given to itself) */
    void later(Runnable task) {
        later.add(task);
    }

    /**
     * @param session a virtual user's session, its request done on this thread
     * @return the session with this thread's view of its event loop, so that Gatling runs its next actions here
     */
    Session continueHere(Session session) {
        EventLoop own = session.eventLoop();
        EventLoop gatling = own instanceof SqlLoop view ? view.gatling() : own;
        if (own instanceof SqlLoop view && view.thread() == this) {
            return session;
        }
        SqlLoop view = loops.computeIfAbsent(gatling, g -> new SqlLoop(g, this));
        return session.copy(
                session.scenario(),
                session.userId(),
                session.attributes(),
                session.baseStatus(),
                session.blockStack(),
                session.onExit(),
                view);
    }

    /** @return the SQL thread running the caller */
    static SqlThread current() {
        return (SqlThread) Thread.currentThread();
    }

    /**
     * @return this thread's connection, borrowed from the pool on first use (or after a failure)
     * @throws SQLException when the pool gives none within the connection timeout
     */
    Connection connection() throws SQLException {
        if (connection == null) {
            acquiring = true;
            try {
                connection = target.connection();
            } finally {
                acquiring = false;
            }
        }
        return connection;
    }

    /**
     * @param owner the request whose statement it is (two requests with the same SQL text get one each)
     * @param sql its JDBC SQL
     * @return the prepared statement for it on this thread's connection
     */
    PreparedStatement statement(PreparedRequest owner, String sql) throws SQLException {
        String key = owner.statementKey(sql);
        PreparedStatement ps = statements.get(key);
        if (ps == null) {
            ps = connection().prepareStatement(sql);
            target.prepared(ps, owner);
            statements.put(key, ps);
        }
        return ps;
    }

    /**
     * After a failed request: a statement that failed is closed (it may refer to a plan the server dropped); a connection
     * that is broken or was terminated goes back to the pool, which evicts it.
     *
     * @param e the failure
     */
    void failed(SQLException e) {
        if (connection == null) {
            return;
        }
        String state = e.getSQLState();
        boolean broken;
        try {
            broken = state == null || state.startsWith("08") || state.startsWith("57P") || connection.isClosed();
        } catch (SQLException closed) {
            broken = true;
        }
        if (broken) {
            release();
        } else {
            closeStatements();
        }
    }

    /** Closes the statements and hands the connection back to the pool. */
    void release() {
        closeStatements();
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private void closeStatements() {
        statements.values().forEach(SqlThread::closeQuietly);
        statements.clear();
    }

    /** @return true while this thread waits for the pool to give it a connection */
    boolean acquiring() {
        return acquiring;
    }

    /**
     * From the draining thread, at the drain timeout: asks the server to cancel whichever of this thread's statements is
     * running ({@code Statement.cancel}; the driver ignores idle ones). Races with this thread are harmless: a statement
     * that just finished is not cancelled, and a failure here is ignored.
     */
    void cancelRunning() {
        PreparedStatement[] open;
        try {
            open = statements.values().toArray(PreparedStatement[]::new);
        } catch (RuntimeException changing) {
            return; // the thread is between requests
        }
        for (PreparedStatement ps : open) {
            try {
                ps.cancel();
            } catch (SQLException | RuntimeException ignored) {
                // the statement ended or its connection broke: nothing left to cancel
            }
        }
    }

    @Override
    public void run() {
        ArrivalRelease.lowerTimerSlack(); // it sleeps until due times: held open-model users, the paced loop
        try {
            super.run();
        } finally {
            release();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // a broken statement or connection: the pool evicts it
        }
    }
}
