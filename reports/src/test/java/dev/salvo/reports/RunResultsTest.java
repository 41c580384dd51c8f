package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RunResultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFindMaxStepWrittenBeforeTheOfferedLoadWasRecordedReadsWithItInItsOwnUnit() throws Exception {
        // a closed-model step as earlier builds wrote it: targetPerSecond 0, no offered load
        FindMaxStep closed = JSON.readValue(
                "{\"step\":2,\"concurrency\":4,\"targetPerSecond\":0.0,"
                        + "\"achievedPerSecond\":310.5,\"p95Micros\":900,\"p99Micros\":1200,\"errorRate\":0,\"pass\":true}",
                FindMaxStep.class);
        assertThat(closed.offeredUnit()).isEqualTo(FindMaxStep.USERS);
        assertThat(closed.offeredLoad()).isEqualTo(4.0);
        assertThat(closed.targetPerSecond()).isNull();
        FindMaxStep open = JSON.readValue(
                "{\"step\":1,\"concurrency\":0,\"targetPerSecond\":100.0,"
                        + "\"achievedPerSecond\":99.5,\"p95Micros\":900,\"p99Micros\":1200,\"errorRate\":0,\"pass\":true}",
                FindMaxStep.class);
        assertThat(open.offeredUnit()).isEqualTo(FindMaxStep.PER_SECOND);
        assertThat(open.offeredLoad()).isEqualTo(100.0);
    }

    @Test
    void resultsWithoutTheFaultsSectionReadWithItNull() throws Exception {
        RunResults withFaults = IncidentRuns.outageRun().results();
        String json = JSON.writeValueAsString(withFaults);
        assertThat(JSON.readValue(json, RunResults.class).faults()).isEqualTo(withFaults.faults());
        String withoutFaults = json.replaceFirst(",\"faults\":\\{.*\\}\\}$", "}");
        assertThat(withoutFaults).doesNotContain("\"faults\"");
        assertThat(JSON.readValue(withoutFaults, RunResults.class).faults()).isNull();
    }
}
