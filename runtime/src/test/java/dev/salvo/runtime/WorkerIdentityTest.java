package dev.salvo.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class WorkerIdentityTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    void aKubernetesIndexedJobGivesTheIndexAndSettingsGiveCountRunIdAndStart() {
        WorkerIdentity w = WorkerIdentity.fromEnvironment(
                new Properties(),
                Map.of(
                        "JOB_COMPLETION_INDEX",
                        "2",
                        "SALVO_WORKER_COUNT",
                        "3",
                        "SALVO_RUN_ID",
                        "nightly-42",
                        "SALVO_START_AT",
                        "2026-12-01T21:00:00Z"));
        assertThat(w)
                .isEqualTo(new WorkerIdentity(
                        2, 3, "nightly-42", Instant.parse("2026-12-01T21:00:00Z"), WorkerIdentity.DEFAULT_TOLERANCE));
        assertThat(w.distributed()).isTrue();
    }

    @Test
    void systemPropertiesWinOverTheEnvironmentAndStartAtTakesEpochMillis() {
        WorkerIdentity w = WorkerIdentity.fromEnvironment(
                props(
                        "salvo.workerIndex",
                        "1",
                        "salvo.workerCount",
                        "2",
                        "salvo.runId",
                        "r",
                        "salvo.startAt",
                        "1764622800000",
                        "salvo.startToleranceMs",
                        "250"),
                Map.of("JOB_COMPLETION_INDEX", "0", "SALVO_WORKER_INDEX", "0", "SALVO_WORKER_COUNT", "9"));
        assertThat(w)
                .isEqualTo(new WorkerIdentity(1, 2, "r", Instant.ofEpochMilli(1764622800000L), Duration.ofMillis(250)));
    }

    @Test
    void aSingleWorkerWithoutSettingsGetsAFreshRunIdAndNoStart() {
        WorkerIdentity w = WorkerIdentity.fromEnvironment(new Properties(), Map.of());
        assertThat(w.index()).isZero();
        assertThat(w.count()).isEqualTo(1);
        assertThat(w.runId()).startsWith("local-");
        assertThat(w.startAt()).isNull();
        assertThat(w.distributed()).isFalse();
    }

    @Test
    void badSettingsAreRefusedNamingTheSettingAndTheRule() {
        assertThatThrownBy(() -> WorkerIdentity.fromEnvironment(props("salvo.workerCount", "2"), Map.of()))
                .isInstanceOf(SalvoException.class)
                .hasMessage("salvo.runId: must be set when salvo.workerCount > 1 (the merge"
                        + " matches workers by it), but was unset");
        assertThatThrownBy(() -> WorkerIdentity.fromEnvironment(
                        props("salvo.workerCount", "2", "salvo.runId", "r"), Map.of("JOB_COMPLETION_INDEX", "2")))
                .hasMessage("salvo.workerIndex: must be in [0, salvo.workerCount) with salvo.workerCount >= 1, but was"
                        + " index=2, count=2");
        assertThatThrownBy(() -> WorkerIdentity.fromEnvironment(new Properties(), Map.of("JOB_COMPLETION_INDEX", "x")))
                .hasMessage("JOB_COMPLETION_INDEX: must be a whole number, but was 'x'");
        assertThatThrownBy(() -> WorkerIdentity.fromEnvironment(props("salvo.startAt", "tomorrow"), Map.of()))
                .hasMessage(
                        "salvo.startAt: must be an ISO-8601 instant (2026-12-01T21:00:00Z) or epoch milliseconds, but was"
                                + " 'tomorrow'");
        assertThatThrownBy(() -> WorkerIdentity.fromEnvironment(props("salvo.startToleranceMs", "-1"), Map.of()))
                .hasMessage("salvo.startToleranceMs: must be >= 0, but was -1");
    }

    @Test
    void sharesAreAsEvenAsPossibleWithRemaindersToTheLowestIndexes() {
        assertThat(WorkerIdentity.share(10, 0, 3)).isEqualTo(4);
        assertThat(WorkerIdentity.share(10, 1, 3)).isEqualTo(3);
        assertThat(WorkerIdentity.share(10, 2, 3)).isEqualTo(3);
        assertThat(WorkerIdentity.share(2, 2, 3)).isZero();
        for (long total = 0; total < 50; total++) {
            long sum = 0;
            for (int i = 0; i < 7; i++) {
                sum += WorkerIdentity.share(total, i, 7);
            }
            assertThat(sum).isEqualTo(total);
        }
    }
}
