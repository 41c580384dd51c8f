package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.DefaultClock;
import io.gatling.core.actor.ActorSystem;
import io.gatling.core.stats.DataWritersStatsEngine;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.stats.writer.DataWriterType;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import scala.Option;

class GatlingStatsTest {
    /** The request names Gatling's engine received, in order. */
    private final List<String> received = new CopyOnWriteArrayList<>();

    private final StatsEngine engine = (StatsEngine) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {StatsEngine.class}, (proxy, method, args) -> {
                if (method.getName().equals("logResponse")) {
                    received.add((String) args[2]);
                }
                return null;
            });

    private static void log(GatlingStats stats, String name) {
        stats.logResponse(
                "scenario",
                scala.collection.immutable.List$.MODULE$.empty(),
                name,
                1_000L,
                1_002L,
                OK$.MODULE$,
                Option.empty(),
                Option.empty());
    }

    @Test
    void everyQueuedResponseReachesGatlingAtTheFlush() {
        GatlingStats stats = new GatlingStats(engine);
        try {
            log(stats, "a");
            log(stats, "b");
            stats.flush();
            assertThat(received).containsExactly("a", "b");
        } finally {
            stats.close();
        }
    }

    @Test
    void responsesQueuedIntoTheWarmupSinkAreDroppedAndNeverReachGatling() {
        GatlingStats stats = new GatlingStats(engine);
        try {
            assertThat(stats.warmupSink.warmupSink).isNull();
            log(stats.warmupSink, "warmup 1");
            log(stats.warmupSink, "warmup 2");
            log(stats, "measured");
            stats.flush();
            log(stats.warmupSink, "warmup 3");
            stats.close();
            assertThat(received).containsExactly("measured");
        } finally {
            stats.close();
        }
    }

    /** Warmup writers of both of Gatling's types, on a real actor system, beside a run engine of Gatling's own class. */
    private static GatlingWarmupWriters warmupWriters(ActorSystem system) {
        DefaultClock clock = new DefaultClock();
        StatsEngine runEngine =
                new DataWritersStatsEngine(scala.collection.immutable.List$.MODULE$.empty(), system, clock);
        return GatlingWarmupWriters.create(
                runEngine, List.of(DataWriterType.File$.MODULE$, DataWriterType.Console$.MODULE$), system, clock);
    }

    @Test
    void theWarmupsRequestsGoToWritersOfTheirOwnThatLogThemAndAreDeletedButNeverToTheRunsEngine() throws Exception {
        long emptyLog;
        try (ActorSystem system = new ActorSystem()) {
            GatlingWarmupWriters none = warmupWriters(system);
            none.close();
            emptyLog = none.logBytes();

            GatlingWarmupWriters warm = warmupWriters(system);
            GatlingStats stats = new GatlingStats(engine, () -> warm);
            for (int i = 0; i < 1_000; i++) {
                log(stats.warmupSink, "warmup " + (i % 3));
            }
            log(stats, "measured");
            stats.close();
            assertThat(received).containsExactly("measured");
            assertThat(warm.handed()).isEqualTo(1_000);
            // the warmup's simulation.log got them (the header alone is the empty one's size), and is gone
            assertThat(emptyLog).isPositive();
            assertThat(warm.logBytes()).isGreaterThan(emptyLog + 1_000 * 8);
            assertThat(warm.dir()).doesNotExist();
            assertThat(none.dir()).doesNotExist();
        }
    }

    @Test
    void theWarmupsWritersTakeAtMostTheirCapThenCloseAndTheRestIsDropped() throws Exception {
        try (ActorSystem system = new ActorSystem()) {
            GatlingWarmupWriters warm = warmupWriters(system);
            assertThat(warm.take(GatlingWarmupWriters.MAX_ENTRIES)).isNotNull();
            assertThat(Files.exists(warm.dir())).isTrue();
            assertThat(warm.take(1)).isNull();
            warm.close(); // waits for the file writer, which take() only told to stop
            assertThat(warm.dir()).doesNotExist();
            assertThat(warm.handed()).isEqualTo(GatlingWarmupWriters.MAX_ENTRIES);
        }
    }

    @Test
    void aRunWithoutWarmupRequestsMakesNoWarmupWriters() {
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        GatlingStats stats = new GatlingStats(engine, () -> {
            made.incrementAndGet();
            return null;
        });
        log(stats, "measured");
        stats.close();
        assertThat(made).hasValue(0);
        assertThat(received).containsExactly("measured");
    }

    @Test
    void noWarmupWritersBesideAnEngineThatIsNotGatlingsOwn() {
        try (ActorSystem system = new ActorSystem()) {
            assertThat(GatlingWarmupWriters.create(
                            engine, List.of(DataWriterType.File$.MODULE$), system, new DefaultClock()))
                    .isNull();
        }
    }
}
