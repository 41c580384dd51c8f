package dev.salvo.runtime.internal;

import io.gatling.commons.util.Clock;
import io.gatling.core.actor.ActorRef;
import io.gatling.core.actor.ActorSystem;
import io.gatling.core.config.ConsoleDataWriterConfiguration;
import io.gatling.core.stats.DataWritersStatsEngine;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.stats.writer.ConsoleDataWriter;
import io.gatling.core.stats.writer.DataWriterMessage;
import io.gatling.core.stats.writer.DataWriterType;
import io.gatling.core.stats.writer.LogFileDataWriter;
import io.gatling.core.stats.writer.RunMessage;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import scala.concurrent.Promise;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Gatling data writers of the same classes as the run's, that only ever see warmup responses: a simulation.log in a
 * temporary directory (deleted when they close) and a console writer that never prints. Gatling's real writers must not
 * count warmup responses, so without these the code that hands a response to Gatling (its stats engine, its actors, the
 * log file's serializers) first runs, and is first compiled by the JIT, inside the measured window: in a paced run at
 * 500/s, 18-33 µs of C2 compiler CPU per request in the window without these, 7-12 with them, and a pooled p99 1.5x
 * higher (docs/performance.md). They are made at the first flush of warmup responses and take the first
 * {@link #MAX_ENTRIES} warmup responses, enough for the JIT, then close, so a long warmup at a high rate writes at most a
 * few MB.
 */
final class GatlingWarmupWriters {
    /** Warmup responses handed over at most: far beyond the JIT's thresholds, a few MB of log. */
    static final int MAX_ENTRIES = 50_000;

    private static final long STOP_SECONDS = 5;

    private final StatsEngine engine;
    private final ActorRef<DataWriterMessage> fileWriter;
    private final Path dir;
    private int handed;
    private boolean closed;
    private volatile long logBytes = -1;
    /** Completed once the warmup's log is deleted (at once without a file writer). */
    private final CompletableFuture<Void> deleted = new CompletableFuture<>();

    private GatlingWarmupWriters(StatsEngine engine, ActorRef<DataWriterMessage> fileWriter, Path dir) {
        this.engine = engine;
        this.fileWriter = fileWriter;
        this.dir = dir;
    }

    /**
     * @param core the run's Gatling components
     * @return writers of the run's types for the warmup, or null (see {@link #create(StatsEngine, List, ActorSystem,
     *     Clock)})
     */
    static GatlingWarmupWriters create(io.gatling.core.CoreComponents core) {
        io.gatling.core.config.DataConfiguration data = core.configuration().data();
        List<DataWriterType> writers = new ArrayList<>(CollectionConverters.asJava(data.dataWriters()));
        if (!data.fileDataWriterEnabled()) {
            writers.remove(DataWriterType.File$.MODULE$);
        }
        return create(core.statsEngine(), writers, core.actorSystem(), core.clock());
    }

    /**
     * @param runEngine the run's stats engine: warmed only when it is Gatling's own (writers of the types configured)
     * @param writers the types of the run's data writers (console, file)
     * @param system the run's actor system
     * @param clock the run's clock
     * @return writers of the same types for the warmup, or null when the run's engine is another one, or when they
     *     cannot be made (one WARN line; the warmup's responses are then dropped as before)
     */
    static GatlingWarmupWriters create(
            StatsEngine runEngine, List<DataWriterType> writers, ActorSystem system, Clock clock) {
        if (!(runEngine instanceof DataWritersStatsEngine) || writers.isEmpty()) {
            return null;
        }
        Path dir = null;
        try {
            RunMessage run =
                    new RunMessage("salvo-warmup", "salvo-warmup", clock.nowMillis(), "", "", ZoneId.systemDefault());
            scala.collection.immutable.List<io.gatling.core.stats.writer.ShortScenarioDescription> noScenarios =
                    scala.collection.immutable.List$.MODULE$.empty();
            List<ActorRef<DataWriterMessage>> refs = new ArrayList<>();
            ActorRef<DataWriterMessage> file = null;
            for (DataWriterType type : writers) {
                if (type == DataWriterType.File$.MODULE$) {
                    dir = Files.createTempDirectory("salvo-gatling-warmup");
                    file = system.actorOf(LogFileDataWriter.apply(
                            run, noScenarios, scala.collection.immutable.List$.MODULE$.empty(), dir));
                    // should the JVM exit before close(): deleted in reverse order of registration, the log first
                    try (Stream<Path> made = Files.walk(dir)) {
                        made.sorted().forEach(p -> p.toFile().deleteOnExit());
                    }
                    refs.add(file);
                } else if (type == DataWriterType.Console$.MODULE$) {
                    // its periodic summary is a year away: it never prints, and is never stopped (stopping prints)
                    refs.add(system.actorOf(new ConsoleDataWriter(
                            run,
                            noScenarios,
                            clock,
                            new ConsoleDataWriterConfiguration(true, FiniteDuration.apply(365, TimeUnit.DAYS)))));
                }
            }
            if (refs.isEmpty()) {
                return null;
            }
            StatsEngine engine = new DataWritersStatsEngine(
                    CollectionConverters.asScala(refs).toList(), system, clock);
            engine.start();
            return new GatlingWarmupWriters(engine, file, dir);
        } catch (Exception | LinkageError e) { // Gatling throws checked ones too (e.g. IllegalAccessException)
            System.err.println("[salvo] WARN Gatling's statistics code is not warmed up before the measurement (" + e
                    + "); its first compilation may fall into the measured window");
            delete(dir);
            return null;
        }
    }

    /**
     * @param entries how many responses the caller is about to hand over
     * @return the engine to hand them to, or null when these writers are stopped or have had {@link #MAX_ENTRIES}
     *     (then they are told to stop now)
     */
    StatsEngine take(int entries) {
        if (closed) {
            return null;
        }
        if (handed >= MAX_ENTRIES) {
            stop(); // the caller (the flush) does not wait for the file writer
            return null;
        }
        handed += entries;
        return engine;
    }

    /** @return how many responses these writers were handed */
    int handed() {
        return handed;
    }

    /** @return the directory of the warmup's simulation.log, null without a file writer */
    Path dir() {
        return dir;
    }

    /** @return the size of the warmup's simulation.log when it was closed, -1 before or without a file writer */
    long logBytes() {
        return logBytes;
    }

    /**
     * Stops the file writer without waiting for it (it may still have a backlog to write); its directory is deleted
     * once it has stopped.
     */
    void stop() {
        if (closed) {
            return;
        }
        closed = true;
        if (fileWriter == null) {
            deleted.complete(null);
            return;
        }
        Promise<scala.runtime.BoxedUnit> stopped = scala.concurrent.Promise$.MODULE$.apply();
        stopped.future()
                .onComplete(
                        done -> {
                            logBytes = delete(dir);
                            return deleted.complete(null);
                        },
                        scala.concurrent.ExecutionContext.parasitic$.MODULE$);
        fileWriter.$bang(new DataWriterMessage.Stop(stopped));
    }

    /**
     * Stops the file writer and waits up to {@value #STOP_SECONDS} s for it and for its directory's deletion (deleted
     * then whatever the file writer's state).
     */
    void close() {
        stop();
        try {
            deleted.get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("[salvo] WARN closing the warmup's Gatling log failed: " + e);
            delete(dir);
        }
    }

    /** @return the bytes of the files deleted, -1 without a directory or when it could not be read */
    private static long delete(Path dir) {
        if (dir == null) {
            return -1;
        }
        long bytes = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                File f = p.toFile();
                bytes += f.isFile() ? f.length() : 0;
                f.delete();
            }
            return bytes;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[salvo] WARN the warmup's Gatling log in " + dir + " could not be deleted: " + e);
            return -1;
        }
    }
}
