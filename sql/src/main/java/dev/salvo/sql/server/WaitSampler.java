package dev.salvo.sql.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples pg_stat_activity for the run's sessions (those whose {@code application_name} is the run's tag) on a daemon
 * thread of its own connection: at each sample, how many are active and on what they wait. Sessions that are active
 * without a wait event are on CPU (class {@code CPU}). The result is the average number of active sessions per wait
 * class per interval, as Performance Insights and pg_wait_sampling show it. Memory is bounded: beyond
 * {@link #MAX_INTERVALS} intervals, neighbours are merged and the interval doubles.
 */
public final class WaitSampler {
    /** Most intervals kept. */
    public static final int MAX_INTERVALS = 1000;

    static final String QUERY = "SELECT coalesce(wait_event_type, 'CPU'), coalesce(wait_event, 'CPU'), count(*) "
            + "FROM pg_stat_activity WHERE application_name = ? AND state = 'active' AND pid <> pg_backend_pid() "
            + "GROUP BY 1, 2";

    private final Connection connection;
    private final String tag;
    private final long periodNanos;
    private long intervalMillis;
    private final Thread thread;
    private final List<WaitTimeline.Interval> intervals = new ArrayList<>();
    private final Map<String, Double> events = new TreeMap<>();
    private volatile boolean stopped;
    private String unavailable;
    private long samples;
    // the open interval
    private long openStart;
    private int openSamples;
    private final Map<String, Double> openSessions = new TreeMap<>();

    private WaitSampler(Connection connection, String tag, Duration period, Duration interval, String unavailable) {
        this.connection = connection;
        this.tag = tag;
        this.periodNanos = period.toNanos();
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.unavailable = unavailable;
        this.thread = new Thread(this::loop, "salvo-wait-sampler");
        this.thread.setDaemon(true);
    }

    static WaitSampler start(Connection connection, String tag, Duration period, Duration interval) {
        WaitSampler sampler = new WaitSampler(connection, tag, period, interval, null);
        sampler.openStart = System.currentTimeMillis();
        sampler.thread.start();
        return sampler;
    }

    static WaitSampler unavailable(Connection connection, String reason) {
        WaitSampler sampler = new WaitSampler(connection, "", Duration.ofSeconds(1), Duration.ofSeconds(1), reason);
        sampler.stopped = true;
        return sampler;
    }

    private void loop() {
        try (PreparedStatement ps = connection.prepareStatement(QUERY)) {
            ps.setString(1, tag);
            long next = System.nanoTime();
            while (!stopped) {
                sample(ps);
                next += periodNanos;
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    LockSupport.parkNanos(this, sleep);
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (SQLException e) {
            synchronized (this) {
                unavailable = "wait events: unavailable: " + PostgresServerStatistics.describe(e);
            }
        }
    }

    private void sample(PreparedStatement ps) throws SQLException {
        Map<String, Integer> now = new TreeMap<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                now.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3));
            }
        }
        long at = System.currentTimeMillis();
        synchronized (this) {
            while (at - openStart >= intervalMillis) {
                close(openStart + intervalMillis);
            }
            samples++;
            openSamples++;
            now.forEach((event, n) -> {
                events.merge(event, (double) n, Double::sum);
                openSessions.merge(event.substring(0, event.indexOf(':')), (double) n, Double::sum);
            });
        }
    }

    private void close(long end) {
        Map<String, Double> average = new TreeMap<>();
        openSessions.forEach((k, v) -> average.put(k, openSamples == 0 ? 0 : v / openSamples));
        intervals.add(new WaitTimeline.Interval(openStart, end, openSamples, average));
        openStart = end;
        openSamples = 0;
        openSessions.clear();
        if (intervals.size() > MAX_INTERVALS) {
            coarsen();
        }
    }

    /** Merges neighbouring intervals, weighting each by its samples, and doubles the interval length. */
    private void coarsen() {
        List<WaitTimeline.Interval> merged = new ArrayList<>();
        for (int i = 0; i + 1 < intervals.size(); i += 2) {
            merged.add(intervals.get(i).merge(intervals.get(i + 1)));
        }
        WaitTimeline.Interval odd = intervals.size() % 2 == 1 ? intervals.get(intervals.size() - 1) : null;
        intervals.clear();
        intervals.addAll(merged);
        intervalMillis *= 2;
        if (odd != null) {
            // the last interval becomes the start of the open one
            openStart = odd.startEpochMillis();
            openSamples += odd.samples();
            odd.activeSessions().forEach((k, v) -> openSessions.merge(k, v * odd.samples(), Double::sum));
        }
    }

    /**
     * Stops sampling, closes the connection and returns what was seen.
     *
     * @return the timeline (empty with a reason when sampling was unavailable)
     */
    public WaitTimeline stop() {
        stopped = true;
        if (thread.isAlive()) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // the sampler's own connection: nothing was written on it
        }
        synchronized (this) {
            if (openSamples > 0) {
                close(System.currentTimeMillis());
            }
            Map<String, Double> averages = new TreeMap<>();
            events.forEach((k, v) -> averages.put(k, samples == 0 ? 0 : v / samples));
            return new WaitTimeline(intervalMillis, samples, List.copyOf(intervals), averages, unavailable);
        }
    }
}
