package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeServerTest {
    /** Worker {@code w}'s section: the shared fixture with its own window, OK count, client mean, outlier and error. */
    private static ServerResults worker(
            String from, String to, long ok, double clientMean, double outlierMicros, String errorAt) {
        ServerResults s = ServerRuns.server(1);
        ServerResults.RequestServer t = s.requests().get("transfer");
        ServerResults.Outlier outlier = new ServerResults.Outlier(
                "2026-01-01T00:00:20Z", outlierMicros, List.of(List.of(String.valueOf(outlierMicros))), List.of());
        ServerResults.ErrorSample error =
                new ServerResults.ErrorSample("40P01: ERROR: deadlock detected", errorAt, List.of(List.of(errorAt)));
        ServerResults.RequestServer transfer = new ServerResults.RequestServer(
                ok,
                2700L,
                clientMean,
                t.serverMeanMicros(),
                clientMean - t.serverMeanMicros(),
                t.statements(),
                List.of(outlier),
                List.of(error));
        return new ServerResults(
                s.server(),
                from,
                to,
                61,
                s.unavailable(),
                List.of(),
                s.settings(),
                s.database(),
                s.checkpointer(),
                s.wal(),
                s.waits(),
                s.statements(),
                Map.of("transfer", transfer));
    }

    @Test
    void takesTheServerWideNumbersOfTheWorkerWhoseWindowIsLongestAndCountsThemOnce() {
        ServerResults w0 =
                worker("2026-01-01T00:00:05.040Z", "2026-01-01T00:01:06Z", 900, 700, 9_000, "2026-01-01T00:00:40Z");
        ServerResults w1 =
                worker("2026-01-01T00:00:05Z", "2026-01-01T00:01:06.010Z", 900, 700, 9_000, "2026-01-01T00:00:40Z");
        MergeServer.Merged m = MergeServer.merge(List.of(w0, w1), List.of(0, 1));
        assertThat(m.windowOf()).isEqualTo(1);
        ServerResults s = m.server();
        assertThat(s.from()).isEqualTo(w1.from());
        assertThat(s.to()).isEqualTo(w1.to());
        assertThat(s.database())
                .isEqualTo(w1.database()); // not doubled: the server counted both workers in each window
        assertThat(s.statements()).isEqualTo(w1.statements());
        assertThat(s.requests().get("transfer").serverCalls()).isEqualTo(2700L);
        assertThat(s.requests().get("transfer").ok()).isEqualTo(1800);
        assertThat(s.warnings()).isEmpty(); // w1's window covers w0's
        assertThat(s.unavailable()).as("one line, not one per worker").hasSize(1);
    }

    @Test
    void saysHowMuchOfAnotherWorkersWindowTheChosenOneMisses() {
        ServerResults w0 =
                worker("2026-01-01T00:00:04Z", "2026-01-01T00:01:05Z", 900, 700, 9_000, "2026-01-01T00:00:40Z");
        ServerResults w1 =
                worker("2026-01-01T00:00:05Z", "2026-01-01T00:01:06.500Z", 900, 700, 9_000, "2026-01-01T00:00:40Z");
        ServerResults s = MergeServer.merge(List.of(w0, w1), List.of(0, 1)).server();
        assertThat(s.warnings())
                .containsExactly("merge: the server-wide numbers are worker 1's window"
                        + " (2026-01-01T00:00:05Z to 2026-01-01T00:01:06.500Z), which misses 1.000 s of worker 0's");
    }

    @Test
    void weightsTheClientMeanByOkCountAndPoolsOutliersAndErrors() {
        ServerResults w0 =
                worker("2026-01-01T00:00:05Z", "2026-01-01T00:01:06Z", 300, 1000, 5_000, "2026-01-01T00:00:50Z");
        ServerResults w1 =
                worker("2026-01-01T00:00:05Z", "2026-01-01T00:01:06Z", 900, 600, 8_000, "2026-01-01T00:00:30Z");
        ServerResults.RequestServer t = MergeServer.merge(List.of(w0, w1), List.of(0, 1))
                .server()
                .requests()
                .get("transfer");
        assertThat(t.ok()).isEqualTo(1200);
        assertThat(t.clientServiceMeanMicros()).isEqualTo(700.0); // (300 * 1000 + 900 * 600) / 1200
        assertThat(t.clientOverheadMicros()).isEqualTo(700.0 - t.serverMeanMicros());
        assertThat(t.outliers())
                .extracting(ServerResults.Outlier::responseMicros)
                .containsExactly(8_000.0, 5_000.0);
        assertThat(t.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.startedAt()).isEqualTo("2026-01-01T00:00:30Z"));
    }

    @Test
    void keepsTheSlowestTwentyOutliersOfAllWorkers() {
        List<ServerResults> workers = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            ServerResults s =
                    worker("2026-01-01T00:00:05Z", "2026-01-01T00:01:06Z", 900, 700, 0, "2026-01-01T00:00:40Z");
            List<ServerResults.Outlier> outliers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                outliers.add(
                        new ServerResults.Outlier("2026-01-01T00:00:20Z", 1000 * (i * 3 + w), List.of(), List.of()));
            }
            ServerResults.RequestServer t = s.requests().get("transfer");
            workers.add(new ServerResults(
                    s.server(),
                    s.from(),
                    s.to(),
                    s.seconds(),
                    s.unavailable(),
                    s.warnings(),
                    s.settings(),
                    s.database(),
                    s.checkpointer(),
                    s.wal(),
                    s.waits(),
                    s.statements(),
                    Map.of(
                            "transfer",
                            new ServerResults.RequestServer(
                                    t.ok(),
                                    t.serverCalls(),
                                    t.clientServiceMeanMicros(),
                                    t.serverMeanMicros(),
                                    t.clientOverheadMicros(),
                                    t.statements(),
                                    outliers,
                                    t.errors()))));
        }
        List<ServerResults.Outlier> merged = MergeServer.merge(workers, List.of(0, 1, 2))
                .server()
                .requests()
                .get("transfer")
                .outliers();
        assertThat(merged).hasSize(MergeServer.MAX_OUTLIERS);
        assertThat(merged.get(0).responseMicros()).isEqualTo(59_000.0);
        assertThat(merged.get(19).responseMicros()).isEqualTo(40_000.0);
    }

    @Test
    void addsTheWorkersWaitSamplesIntervalByInterval() {
        ServerResults w0 = worker("2026-01-01T00:00:05Z", "2026-01-01T00:01:06Z", 900, 700, 0, "2026-01-01T00:00:40Z");
        ServerResults w1 = worker("2026-01-01T00:00:05Z", "2026-01-01T00:01:06Z", 900, 700, 0, "2026-01-01T00:00:40Z");
        ServerResults.Waits one = w0.waits();
        ServerResults.Waits both =
                MergeServer.merge(List.of(w0, w1), List.of(0, 1)).server().waits();
        assertThat(both.samples()).isEqualTo(2 * one.samples());
        assertThat(both.intervals()).hasSameSizeAs(one.intervals());
        assertThat(both.intervals().get(40).activeSessions().get("Lock"))
                .isEqualTo(2 * one.intervals().get(40).activeSessions().get("Lock"));
        assertThat(both.events().get("CPU:CPU")).isEqualTo(2.8);
        assertThat(both.events().keySet()).first().isEqualTo("CPU:CPU");
    }

    @Test
    void namesAWorkerThatCollectedNoServerStatisticsAndIsNullWhenNoneDid() {
        ServerResults w1 = worker("2026-01-01T00:00:05Z", "2026-01-01T00:01:06Z", 900, 700, 0, "2026-01-01T00:00:40Z");
        java.util.List<ServerResults> servers = new ArrayList<>();
        servers.add(null);
        servers.add(w1);
        MergeServer.Merged m = MergeServer.merge(servers, List.of(0, 1));
        assertThat(m.windowOf()).isEqualTo(1);
        assertThat(m.server().unavailable()).contains("worker 0: collected no server statistics");
        servers.set(1, null);
        assertThat(MergeServer.merge(servers, List.of(0, 1))).isNull();
    }
}
