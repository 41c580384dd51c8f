package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.reports.RunResults.RequestStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultsBuilderTest {
    @Test
    void aggregatesKindsByExactHistogramAddition() {
        RunResults r = TestRuns.run("Sim", 8, 1, 1).results();
        assertThat(r.kinds()).extracting(RequestStats::kind).containsExactly("POINT_LOOKUP", "RANGE_SCAN");
        RequestStats point = r.kind("POINT_LOOKUP");
        RequestStats byOrder = r.requests().stream()
                .filter(s -> s.name().equals("order by id"))
                .findFirst()
                .orElseThrow();
        RequestStats byCustomer = r.requests().stream()
                .filter(s -> s.name().equals("customer by id"))
                .findFirst()
                .orElseThrow();
        assertThat(point.count())
                .isEqualTo(byOrder.count() + byCustomer.count())
                .isEqualTo(1500);
        assertThat(point.rows()).isEqualTo(byOrder.rows() + byCustomer.rows());
        assertThat(point.responseMicros().count()).isEqualTo(1500);
        assertThat(point.responseMicros().max())
                .isEqualTo(Math.max(
                        byOrder.responseMicros().max(),
                        byCustomer.responseMicros().max()));
        assertThat(point.responseMicros().min())
                .isEqualTo(Math.min(
                        byOrder.responseMicros().min(),
                        byCustomer.responseMicros().min()))
                .isCloseTo(200.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void computesRatesOverTheMeasurementAndGroupsErrorsBySqlStateClass() {
        RunResults r = TestRuns.run("Sim", 8, 1, 1).results();
        assertThat(r.measurementSeconds()).isEqualTo(60.003);
        RequestStats range = r.kind("RANGE_SCAN");
        assertThat(range.count()).isEqualTo(1200);
        assertThat(range.throughput()).isEqualTo(Math.round(1200 / 60.003 * 1000) / 1000.0);
        assertThat(range.ko()).isEqualTo(2);
        assertThat(range.errorRate()).isEqualTo(Math.round(2 / 1200.0 * 1e6) / 1e6);
        assertThat(range.errorClasses()).isEqualTo(Map.of("57", 2L));
        assertThat(range.warmupRequests()).isEqualTo(50);
    }

    @Test
    void buildsOneTimelinePointPerAlignedInterval() {
        RunResults r = TestRuns.run("Sim", 8, 1, 1).results();
        assertThat(r.timelines()).containsOnlyKeys("POINT_LOOKUP", "RANGE_SCAN");
        List<TimelinePoint> point = r.timelines().get("POINT_LOOKUP");
        assertThat(point).hasSize(6);
        assertThat(point).allSatisfy(p -> assertThat(p.count()).isEqualTo(250));
        assertThat(r.timelines().get("RANGE_SCAN").get(3).ko()).isEqualTo(2);
    }

    @Test
    void keepsTheStatementsOfATransactionOutOfTheKindsButListsThemUnderIt() {
        RunResults r = TestRuns.transactionRun().results();
        assertThat(r.formatVersion()).isEqualTo(3);
        assertThat(r.kinds()).extracting(RequestStats::kind).containsExactly("GENERIC", "POINT_LOOKUP");
        assertThat(r.kind("GENERIC").count())
                .as("the transaction only, not its statements")
                .isEqualTo(100);
        assertThat(r.requests())
                .extracting(RequestStats::name)
                .contains("tpcb", "tpcb / update accounts", "tpcb / update branches");
        assertThat(r.statementNames()).containsExactly("tpcb / update accounts", "tpcb / update branches");
        assertThat(r.info("tpcb").statements()).containsExactly("tpcb / update accounts", "tpcb / update branches");
        assertThat(r.info("tpcb").secondaryErrors()).isEqualTo(2);
        assertThat(r.info("tpcb / update branches").sql())
                .isEqualTo("UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2");
        assertThat(r.timelines()).containsOnlyKeys("GENERIC", "POINT_LOOKUP");
    }

    @Test
    void givesTheVerdictOfTheSlos() {
        assertThat(TestRuns.run("Sim", 8, 1, 1).results().verdict()).isEqualTo(RunResults.PASS);
    }

    @Test
    void neverStoresSecrets() {
        RunResults r = TestRuns.run("Sim", 8, 1, 1).results();
        assertThat(r.config()).containsEntry("db.password", "***");
        ResultsBuilder b =
                new ResultsBuilder("S", Instant.EPOCH).config("url", "jdbc:x://h/db?user=a&password=s3cret&ssl=true");
        assertThat(b.build().results().config().get("url")).isEqualTo("jdbc:x://h/db?user=a&password=***&ssl=true");
    }

    @Test
    void writesOneIntervalWhenNoneWasFed() {
        Histogram h = new Histogram(3);
        h.recordValue(1_000_000);
        RunData data = new ResultsBuilder("S", Instant.EPOCH)
                .endedAt(Instant.ofEpochSecond(10))
                .request(new ResultsBuilder.Request("q", "GENERIC", 1, 0, Map.of(), 0, 0, 0, null, h, h, h, h, null))
                .build();
        assertThat(data.results().timelines().get("GENERIC")).hasSize(1);
        assertThat(data.results().verdict()).isEqualTo(RunResults.NONE);
        assertThat(data.results().kind("GENERIC").throughput()).isEqualTo(0.1);
    }

    @Test
    void rejectsABlankSimulation() {
        assertThatThrownBy(() -> new ResultsBuilder(" ", Instant.EPOCH))
                .hasMessage("results: simulation must be a non-blank name, but was ' '");
    }
}
