package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.reports.FaultResults;
import dev.salvo.reports.ResultsBuilder;
import dev.salvo.runtime.FaultSettings;
import dev.salvo.runtime.Slo;
import dev.salvo.sql.QueryKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class OutageWatchTest {
    private final AtomicBoolean serverUp = new AtomicBoolean(true);
    private final ResultsBuilder results = new ResultsBuilder("Sim", Instant.now());
    private final RequestRecorder lookup =
            new RequestRecorder("lookup", QueryKind.POINT_LOOKUP, Slo.none(), results, null);
    private final RequestRecorder statement =
            new RequestRecorder("tx / step", QueryKind.UPDATE, Slo.none(), results, null, "tx");

    private Connection probe() throws SQLException {
        if (!serverUp.get()) {
            throw new SQLException("Connection to localhost:5432 refused.", "08001");
        }
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> null); // close() does nothing
    }

    @Test
    void anOutageIsNamedAfterTheThresholdAndEndsWithThePoolsFirstConnection() throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        System.setOut(new PrintStream(lines, true));
        try (OutageWatch watch = new OutageWatch(
                new FaultSettings(Duration.ofMillis(300), false, Duration.ofSeconds(1)),
                this::probe,
                () -> List.of(lookup, statement))) {
            lookup.record(1000, 1000, 0, 0, 1, 0, "57P01: boom"); // before the outage: not counted in it
            awaitChecks(watch, 3);
            serverUp.set(false);
            watch.attempt();
            watch.failed(new SQLException("timed out", "08001"));
            awaitUntil(watch::down);
            lookup.record(1000, -1, -1, 0, 0, 0, "08001: timed out");
            lookup.record(1000, -1, -1, 0, 0, 0, "08001: timed out");
            statement.record(1000, -1, -1, 0, 0, 0, "08001: timed out"); // counted with its transaction, not here
            watch.failFast(); // off: no exception
            serverUp.set(true);
            watch.connected();
            assertThat(watch.down()).isFalse();
            FaultResults faults = watch.finish(null);
            assertThat(faults.outages()).hasSize(1);
            FaultResults.Outage o = faults.outages().get(0);
            assertThat(o.ongoing()).isFalse();
            assertThat(o.toEpochMillis() - o.fromEpochMillis()).isGreaterThanOrEqualTo(300);
            assertThat(o.failedRequests()).isEqualTo(2);
            assertThat(o.failedByKind()).containsExactlyEntriesOf(java.util.Map.of("POINT_LOOKUP", 2L));
            assertThat(o.failedByRequest()).containsExactlyEntriesOf(java.util.Map.of("lookup", 2L));
            assertThat(o.cause()).isEqualTo("Connection to localhost:5432 refused. (SQLSTATE 08001)");
            assertThat(faults.unreachableAfterMillis()).isEqualTo(300);
        } finally {
            System.setOut(out);
        }
        assertThat(lines.toString()
                        .lines()
                        .filter(l -> l.startsWith("[salvo] database"))
                        .toList())
                .hasSize(2)
                .first()
                .asString()
                .startsWith("[salvo] database unreachable since ")
                .endsWith("(Connection to localhost:5432 refused. (SQLSTATE 08001))");
        assertThat(lines.toString())
                .contains("(the pool connected) after ")
                .contains("2 requests failed during the outage");
    }

    @Test
    void failFastRefusesRequestsAtOnceDuringAnOutageAndTheCheckEndsIt() throws Exception {
        try (OutageWatch watch = new OutageWatch(
                new FaultSettings(Duration.ofMillis(100), true, Duration.ofSeconds(1)),
                this::probe,
                () -> List.of(lookup))) {
            serverUp.set(false);
            watch.attempt();
            awaitUntil(watch::down);
            assertThatThrownBy(watch::failFast)
                    .isInstanceOf(SQLException.class)
                    .hasMessage("fail-fast: the database is unreachable (outage in progress), the request was not sent")
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("08001");
            serverUp.set(true);
            awaitUntil(() -> !watch.down()); // no pooled connection needed: the check ends it
            watch.failFast();
            FaultResults.Outage o = watch.finish(null).outages().get(0);
            assertThat(o.reachableEpochMillis()).isEqualTo(o.toEpochMillis());
        }
    }

    @Test
    void anOutageStillInProgressEndsWithTheRunMarkedOngoing() throws Exception {
        OutageWatch watch = new OutageWatch(
                new FaultSettings(Duration.ofMillis(100), false, Duration.ofSeconds(1)),
                this::probe,
                () -> List.of(lookup));
        serverUp.set(false);
        watch.attempt();
        awaitUntil(watch::down);
        FaultResults faults = watch.finish(new FaultResults.Drain(1000, 1200, 1));
        assertThat(faults.outages().get(0).ongoing()).isTrue();
        assertThat(faults.outages().get(0).reachableEpochMillis()).isNull();
        assertThat(faults.drain().cancelled()).isEqualTo(1);
    }

    @Test
    void aConnectionThatComesWithinTheThresholdIsNoOutage() throws Exception {
        try (OutageWatch watch = new OutageWatch(
                new FaultSettings(Duration.ofMillis(100), false, Duration.ofSeconds(1)),
                this::probe,
                () -> List.of(lookup))) {
            watch.attempt();
            awaitChecks(watch, 3); // pending attempt, but the check connects: the database is reachable
            watch.connected();
            assertThat(watch.finish(null).outages()).isEmpty();
        }
    }

    /** Waits for a condition; the guard only stops a broken test from hanging, it asserts no timing. */
    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long guard = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - guard).as("condition not reached").isNegative();
            Thread.sleep(10);
        }
    }

    private static void awaitChecks(OutageWatch watch, int checks) throws InterruptedException {
        Thread.sleep(OutageWatch.CHECK_MILLIS * checks);
    }
}
