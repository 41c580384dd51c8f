package dev.salvo.sql.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.salvo.sql.snowflake.CostModel.ClusterInterval;
import dev.salvo.sql.snowflake.CostModel.CostEstimate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exact numbers of the cost model. The first test reproduces the billing examples of Snowflake's "Overview of
 * warehouses" page (table of credits billed by running time; the page rounds to three decimals).
 */
class CostModelTest {
    private static final double EPS = 1e-12;

    private static double credits(WarehouseSize size, long millis) {
        return CostModel.of(size, WarehouseType.STANDARD, null)
                .estimate(List.of(new ClusterInterval(0, millis, true)), 0, 0, Map.of())
                .credits();
    }

    @Test
    void billsPerSecondWithASixtySecondMinimumPerStartAsDocumented() {
        assertThat(credits(WarehouseSize.XSMALL, 1_000)).isCloseTo(60 / 3600.0, within(EPS)); // docs: 0-60 s, XS 0.017
        assertThat(credits(WarehouseSize.XLARGE, 60_000)).isCloseTo(60 * 16 / 3600.0, within(EPS)); // docs: XL 0.267
        assertThat(credits(WarehouseSize.XLARGE, 61_000)).isCloseTo(61 * 16 / 3600.0, within(EPS)); // docs: XL 0.271
        assertThat(credits(WarehouseSize.X5LARGE, 120_000)).isCloseTo(120 * 256 / 3600.0, within(EPS)); // 8.5333 (docs
        // print 8.532, their per-second rate 0.0711 being rounded; Salvo divides the hourly rate)
        assertThat(String.format("%.3f", credits(WarehouseSize.XSMALL, 1_000))).isEqualTo("0.017");
        assertThat(String.format("%.3f", credits(WarehouseSize.XLARGE, 61_000))).isEqualTo("0.271");
    }

    @Test
    void roundsPartSecondsUpAndAppliesNoMinimumToAClusterAlreadyRunning() {
        assertThat(CostModel.billedSeconds(new ClusterInterval(0, 90_001, true)))
                .isEqualTo(91);
        assertThat(CostModel.billedSeconds(new ClusterInterval(0, 10_000, false)))
                .isEqualTo(10);
        assertThat(CostModel.billedSeconds(new ClusterInterval(5, 5, true))).isEqualTo(60);
    }

    @Test
    void knowsTheDocumentedRatesBySizeAndType() {
        assertThat(WarehouseType.STANDARD.creditsPerHour(WarehouseSize.XSMALL)).isEqualTo(1);
        assertThat(WarehouseType.STANDARD.creditsPerHour(WarehouseSize.X6LARGE)).isEqualTo(512);
        assertThat(WarehouseType.SNOWPARK_OPTIMIZED.creditsPerHour(WarehouseSize.MEDIUM))
                .isEqualTo(6);
        assertThat(WarehouseType.SNOWPARK_OPTIMIZED.creditsPerHour(WarehouseSize.X6LARGE))
                .isEqualTo(768);
        assertThatThrownBy(() -> WarehouseType.SNOWPARK_OPTIMIZED.creditsPerHour(WarehouseSize.SMALL))
                .hasMessage(
                        "warehouse: a Snowpark-optimized warehouse must be Medium or larger (in Salvo's rate table), but "
                                + "was SMALL; give its rate with creditsPerHour");
    }

    /** Multi-cluster Medium: cluster 1 already running for 100 s, then restarted for 30 s; cluster 2 started for 30 s. */
    @Test
    void estimatesARunFromWarehouseSamplesPerRunPerKindAndPerThousandQueries() {
        List<WarehouseSample> samples = List.of(
                sample(0, 1),
                sample(10_000, 2),
                sample(40_000, 1),
                sample(100_000, 0),
                sample(200_000, 1),
                sample(230_000, 1));
        List<ClusterInterval> intervals = CostModel.intervals(samples, 0);
        assertThat(intervals)
                .containsExactly(
                        new ClusterInterval(0, 100_000, false),
                        new ClusterInterval(200_000, 230_000, true),
                        new ClusterInterval(10_000, 40_000, true));
        Map<String, Long> executionByKind = new LinkedHashMap<>();
        executionByKind.put("POINT_LOOKUP", 300L);
        executionByKind.put("RANGE_SCAN", 100L);
        CostEstimate e = CostModel.of(WarehouseSize.MEDIUM, WarehouseType.STANDARD, 3.0)
                .estimate(intervals, 10_000, 230, executionByKind);
        assertThat(e.billedClusterSeconds()).isEqualTo(100 + 60 + 60);
        assertThat(e.credits()).isCloseTo(220 * 4 / 3600.0, within(EPS)); // 0.24444...
        assertThat(e.price()).isCloseTo(220 * 4 / 3600.0 * 3.0, within(EPS)); // 0.73333...
        assertThat(e.creditsByKind().get("POINT_LOOKUP")).isCloseTo(0.75 * 220 * 4 / 3600.0, within(EPS));
        assertThat(e.creditsByKind().get("RANGE_SCAN")).isCloseTo(0.25 * 220 * 4 / 3600.0, within(EPS));
        assertThat(e.creditsPer1000Queries()).isCloseTo(220 * 4 / 3600.0 / 10, within(EPS));
        assertThat(e.queriesPerCredit()).isCloseTo(10_000 / (220 * 4 / 3600.0), within(1e-9));
        assertThat(e.qpsPerCredit()).isCloseTo(10_000 / 230.0 / (220 * 4 / 3600.0), within(1e-9));
    }

    @Test
    void aClusterRunningAtTheEndIsBilledForTheTail() {
        List<ClusterInterval> intervals =
                CostModel.intervals(List.of(sample(0, 0), sample(5_000, 1), sample(65_000, 1)), 600_000);
        assertThat(intervals).containsExactly(new ClusterInterval(5_000, 665_000, true));
    }

    @Test
    void withoutPriceOrQueriesOnlyCreditsAreEstimated() {
        CostEstimate e = new CostModel(1.35, null).estimate(List.of(), 0, 0, Map.of());
        assertThat(e.credits()).isZero();
        assertThat(e.price()).isNull();
        assertThat(e.creditsPer1000Queries()).isNull();
        assertThat(e.queriesPerCredit()).isNull();
        assertThat(e.qpsPerCredit()).isNull();
    }

    @Test
    void rejectsBadValues() {
        assertThatThrownBy(() -> new CostModel(0, null))
                .hasMessage("cost model: credits per hour must be a positive number, but was 0.0");
        assertThatThrownBy(() -> new CostModel(1, -2.0))
                .hasMessage("cost model: the price per credit must be zero or positive, but was -2.0");
        assertThatThrownBy(() -> new ClusterInterval(10, 5, true))
                .hasMessage("cost model: a cluster interval must end after it starts, but ran from 10 to 5");
    }

    private static WarehouseSample sample(long at, int clusters) {
        return new WarehouseSample(
                at,
                "BENCH_WH",
                clusters > 0 ? "STARTED" : "SUSPENDED",
                "STANDARD",
                "Medium",
                clusters,
                1,
                3,
                0,
                0,
                600L);
    }
}
