package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.commons.stats.OK$;
import io.gatling.core.stats.StatsEngine;
import java.lang.reflect.Proxy;
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
}
