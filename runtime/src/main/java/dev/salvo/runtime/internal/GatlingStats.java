package dev.salvo.runtime.internal;

import io.gatling.commons.stats.Status;
import io.gatling.core.stats.StatsEngine;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import scala.Option;

/**
 * Hands Salvo's responses to Gatling's StatsEngine in batches instead of one call per request.
 *
 * <p>Each {@code StatsEngine.logResponse} call posts a message to every Gatling data writer (console,
 * {@code simulation.log}); a writer that has drained its mailbox goes idle, so at tens of thousands of requests per
 * second each message woke a writer thread again: measured as several µs of client CPU per request. Here a request only
 * queues its record in its thread's buffer; a Salvo thread flushes every {@link #FLUSH_MILLIS} ms, each virtual user's
 * exit flushes (so all of a user's requests reach Gatling before its end, and thus before Gatling stops its
 * statistics), and so does the end of the run. Gatling still gets every request, with its own start and end
 * timestamps, so its report, console and assertions are unchanged; only its console may show a request up to
 * {@link #FLUSH_MILLIS} ms later.
 *
 * <p>Warmup requests are not Gatling's: they are queued into {@link #warmupSink} exactly as measured ones are, and its
 * flush hands the first of them to {@link GatlingWarmupWriters} (writers of the run's types that only ever see the
 * warmup, so that Gatling's statistics code is compiled before the measurement) and drops the rest.
 */
final class GatlingStats {
    /** Period of the background flush. */
    static final long FLUSH_MILLIS = 20;

    private record Entry(
            String scenario,
            scala.collection.immutable.List<String> groups,
            String name,
            long startMillis,
            long endMillis,
            Status status,
            Option<String> responseCode,
            Option<String> message,
            io.gatling.core.session.GroupBlock group) {}

    /** One thread's queued responses: only that thread and a flush take its lock, so it is hardly ever contended. */
    private static final class Buffer {
        private ArrayList<Entry> entries = new ArrayList<>();
    }

    private final StatsEngine statsEngine;
    private final PerThread<Buffer> buffers = new PerThread<>(Buffer::new);
    private final ScheduledExecutorService flusher;
    /**
     * Takes warmup requests through the same queueing code as measured ones; what it queues never reaches the run's
     * Gatling writers (at each flush of this one it goes to {@link #warm}, or is dropped). Null in a sink itself.
     */
    final GatlingStats warmupSink;
    /** In a warmup sink: makes {@link #warm} at the first flush with warmup requests; null to drop them all. */
    private final Supplier<GatlingWarmupWriters> warmWriters;
    /** In a warmup sink: the writers that see the warmup, null before them or when there are none (then dropped). */
    private GatlingWarmupWriters warm;

    private boolean warmMade;

    /** @param statsEngine the run's stats engine, which sees measured requests only */
    GatlingStats(StatsEngine statsEngine) {
        this(statsEngine, null);
    }

    /**
     * @param statsEngine the run's stats engine, which sees measured requests only
     * @param warmWriters makes writers that see the warmup's first requests when the first of them is flushed (a run
     *     without a warmup makes none), or returns null; null to drop them all
     */
    GatlingStats(StatsEngine statsEngine, Supplier<GatlingWarmupWriters> warmWriters) {
        this.statsEngine = statsEngine;
        this.warmWriters = null;
        this.warmupSink = new GatlingStats(warmWriters);
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "salvo-gatling-stats");
            t.setDaemon(true);
            return t;
        });
        flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** A warmup sink: no engine, no flusher of its own (its owner's flush empties it). */
    private GatlingStats(Supplier<GatlingWarmupWriters> warmWriters) {
        this.statsEngine = null;
        this.warmWriters = warmWriters;
        this.warmupSink = null;
        this.flusher = null;
    }

    /** Queues one response for Gatling (same arguments as {@code StatsEngine.logResponse}). */
    void logResponse(
            String scenario,
            scala.collection.immutable.List<String> groups,
            String name,
            long startMillis,
            long endMillis,
            Status status,
            Option<String> responseCode,
            Option<String> message) {
        queue(new Entry(scenario, groups, name, startMillis, endMillis, status, responseCode, message, null));
    }

    /**
     * Queues the end of a group (a transaction, whose statements were logged as requests inside it), as Gatling's
     * {@code group(...)} logs one.
     *
     * @param scenario the scenario
     * @param groups the group's hierarchy, outermost first, ending with the group itself
     * @param startMillis when the group started
     * @param endMillis when it ended
     * @param status OK, or KO when a request inside failed
     */
    void logGroupEnd(
            String scenario,
            scala.collection.immutable.List<String> groups,
            long startMillis,
            long endMillis,
            Status status) {
        io.gatling.core.session.GroupBlock block = io.gatling.core.session.GroupBlock.apply(
                groups, startMillis, (int) Math.min(Integer.MAX_VALUE, endMillis - startMillis), status);
        queue(new Entry(scenario, groups, null, startMillis, endMillis, status, null, null, block));
    }

    private void queue(Entry e) {
        Buffer b = buffers.mine();
        synchronized (b) {
            b.entries.add(e);
        }
    }

    /**
     * Hands every queued response to Gatling. Waits for a concurrent flush, so that when this returns, everything queued
     * before the call has been handed over.
     */
    synchronized void flush() {
        if (warmupSink != null) {
            warmupSink.flush();
        }
        for (Buffer b : buffers.all()) {
            ArrayList<Entry> taken;
            synchronized (b) {
                if (b.entries.isEmpty()) {
                    continue;
                }
                taken = b.entries;
                b.entries = new ArrayList<>(taken.size());
            }
            // a warmup sink hands its first requests to the warmup's writers, and drops the rest
            if (statsEngine == null && !warmMade && warmWriters != null) {
                warmMade = true;
                warm = warmWriters.get();
            }
            StatsEngine engine = statsEngine != null ? statsEngine : warm != null ? warm.take(taken.size()) : null;
            if (engine != null) {
                handOver(engine, taken);
            }
        }
    }

    private static void handOver(StatsEngine engine, ArrayList<Entry> taken) {
        for (Entry e : taken) {
            if (e.group != null) {
                engine.logGroupEnd(e.scenario, e.group, e.endMillis);
                continue;
            }
            engine.logResponse(
                    e.scenario, e.groups, e.name, e.startMillis, e.endMillis, e.status, e.responseCode, e.message);
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            // an exception would cancel the periodic flush; the next user exit or the end of the run retries
            System.err.println("[salvo] WARN handing responses to Gatling failed: " + e);
        }
    }

    /** Flushes, stops the background flush and closes the warmup's writers. */
    synchronized void close() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flush();
        if (warmupSink != null && warmupSink.warm != null) {
            warmupSink.warm.close();
        }
    }
}
