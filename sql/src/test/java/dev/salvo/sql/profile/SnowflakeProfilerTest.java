package dev.salvo.sql.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.salvo.sql.SalvoException;
import dev.salvo.sql.SnowflakeDialect;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQL and parsing against result rows recorded from a Snowflake account (no live account in tests). */
class SnowflakeProfilerTest {
    private final SnowflakeProfiler profiler = new SnowflakeProfiler(new SnowflakeDialect());
    private final Map<String, ColumnType> columns = new LinkedHashMap<>();

    {
        columns.put("CATEGORY", ColumnType.TEXT);
        columns.put("ORDER_DATE", ColumnType.DATE);
        columns.put("AMOUNT", ColumnType.DECIMAL);
    }

    @Test
    void writesApproximateAggregatesWithQuotedIdentifiers() {
        assertThat(profiler.statisticsSql(
                        "SALES.ORDERS",
                        Map.of("CATEGORY", ColumnType.TEXT),
                        ProfileOptions.DEFAULTS.mostCommonLimit(20)))
                .isEqualTo(
                        "SELECT COUNT(*) AS TOTAL_ROWS, COUNT(\"CATEGORY\"), APPROX_COUNT_DISTINCT(\"CATEGORY\"), "
                                + "MIN(\"CATEGORY\"), MAX(\"CATEGORY\"), APPROX_TOP_K(\"CATEGORY\", 20) FROM \"SALES\".\"ORDERS\"");
        assertThat(profiler.statisticsSql("we\"ird", Map.of("a b", ColumnType.TEXT), ProfileOptions.DEFAULTS))
                .contains("COUNT(\"a b\")")
                .endsWith("FROM \"we\"\"ird\"");
    }

    @Test
    void samplesWithASeedAndACappedPercentage() {
        assertThat(profiler.sampleSql(
                        "ORDERS", List.of("CATEGORY", "AMOUNT"), 1_500_000_000L, ProfileOptions.DEFAULTS.seed(7)))
                .isEqualTo("SELECT \"CATEGORY\", \"AMOUNT\" FROM \"ORDERS\" SAMPLE BERNOULLI (0.001000) SEED (7)");
        assertThat(profiler.sampleSql("SMALL", List.of("X"), 10, ProfileOptions.DEFAULTS.seed(-1)))
                .isEqualTo("SELECT \"X\" FROM \"SMALL\" SAMPLE BERNOULLI (100.000000) SEED (2147483646)");
    }

    @Test
    void parsesRecordedResults() {
        // recorded: SELECT COUNT(*) ..., APPROX_TOP_K(...) FROM ORDERS (JDBC getObject values; VARIANT arrives as JSON
        // text)
        List<Object> stats = Arrays.asList(
                200000L,
                200000L,
                12L,
                "automotive",
                "toys",
                "[\n  [\n    \"books\",\n    88214\n  ],\n  [\n    \"electronics\",\n"
                        + "    30877\n  ],\n  [\n    \"clothing\",\n    19712\n  ]\n]",
                199000L,
                731L,
                Date.valueOf("2024-01-01"),
                Date.valueOf("2025-12-30"),
                "[[\"2024-03-05\", 310], [null, 1000]]",
                200000L,
                99450L,
                new BigDecimal("5.00"),
                new BigDecimal("999.99"),
                "[]");
        List<List<Object>> sample = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sample.add(Arrays.asList(
                    i % 3 == 0 ? "books" : "toys",
                    i == 0 ? null : Date.valueOf(LocalDate.of(2024, 1, 1 + i)),
                    new BigDecimal("10.50")));
        }
        TableProfile p =
                SnowflakeProfiler.fromResults("ORDERS", columns, stats, sample, ProfileOptions.DEFAULTS.sampleSize(20));
        assertThat(p.totalRows()).isEqualTo(200000);
        assertThat(p.dialect()).isEqualTo("snowflake");
        ColumnProfile category = p.column("CATEGORY");
        assertThat(category.distinctCount()).isEqualTo(12);
        assertThat(category.min()).isEqualTo("automotive");
        assertThat(category.mostCommon())
                .extracting(ValueFrequency::value)
                .containsExactly("books", "electronics", "clothing");
        assertThat(category.mostCommon().get(0).frequency()).isCloseTo(0.441, within(0.001));
        assertThat(category.sample()).hasSize(20).containsOnly("books", "toys");
        ColumnProfile date = p.column("ORDER_DATE");
        assertThat(date.nullCount()).isEqualTo(1000);
        assertThat(date.min()).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(date.mostCommon()).containsExactly(new ValueFrequency(LocalDate.of(2024, 3, 5), 310 / 200000.0));
        assertThat(date.sample()).doesNotContainNull();
        assertThat(p.column("AMOUNT").max()).isEqualTo(new BigDecimal("999.99"));
        assertThat(p.column("AMOUNT").mode()).isEqualTo(ProfileMode.STATISTICS);
    }

    @Test
    void parsesRecordedTimestampsWithTimeZoneAsInstantsAtUtc() {
        // recorded shape: TIMESTAMP_TZ and TIMESTAMP_LTZ arrive as java.sql.Timestamp (the instant); APPROX_TOP_K
        // renders
        // them in its JSON as text with the stored offset
        Map<String, ColumnType> types = new LinkedHashMap<>();
        types.put("CREATED_TZ", ColumnType.TIMESTAMPTZ);
        types.put("SEEN_LTZ", ColumnType.TIMESTAMPTZ);
        OffsetDateTime min = OffsetDateTime.of(2024, 1, 1, 8, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime max = OffsetDateTime.of(2025, 6, 30, 17, 45, 30, 123_000_000, ZoneOffset.UTC);
        List<Object> stats = Arrays.asList(
                1000L,
                1000L,
                980L,
                Timestamp.from(min.toInstant()),
                Timestamp.from(max.toInstant()),
                "[[\"2024-03-05 02:00:00.000 -0800\", 40], [\"2024-03-05 10:00:00.000 Z\", 1]]",
                990L,
                700L,
                Timestamp.from(min.toInstant()),
                Timestamp.from(max.toInstant()),
                "[[\"2024-03-05 15:30:00.000 +0530\", 12]]");
        List<List<Object>> sample = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sample.add(Arrays.asList(
                    Timestamp.from(min.plusHours(i).toInstant()),
                    i == 0 ? null : Timestamp.from(min.plusDays(i).toInstant())));
        }
        TableProfile p = SnowflakeProfiler.fromResults("EVENTS", types, stats, sample, ProfileOptions.DEFAULTS);
        ColumnProfile tz = p.column("CREATED_TZ");
        assertThat(tz.type()).isEqualTo(ColumnType.TIMESTAMPTZ);
        assertThat(tz.min()).isEqualTo(min);
        assertThat(tz.max()).isEqualTo(max);
        OffsetDateTime tenUtc = OffsetDateTime.of(2024, 3, 5, 10, 0, 0, 0, ZoneOffset.UTC);
        assertThat(tz.mostCommon())
                .containsExactly(new ValueFrequency(tenUtc, 0.04), new ValueFrequency(tenUtc, 0.001));
        assertThat(tz.sample())
                .hasSize(10)
                .allSatisfy(v -> assertThat(((OffsetDateTime) v).getOffset()).isEqualTo(ZoneOffset.UTC));
        ColumnProfile ltz = p.column("SEEN_LTZ");
        assertThat(ltz.mostCommon()).containsExactly(new ValueFrequency(tenUtc, 0.012));
        assertThat(ltz.sample()).hasSize(9).contains(min.plusDays(9));
        assertThat(ltz.nullCount()).isEqualTo(10);
    }

    @Test
    void rejectsMalformedResults() {
        List<Object> stats = Arrays.asList(
                10L, 10L, 2L, "a", "b", "{not: an array}", 10L, 1L, null, null, null, 10L, 1L, null, null, null);
        assertThatThrownBy(() -> SnowflakeProfiler.fromResults("T", columns, stats, List.of(), ProfileOptions.DEFAULTS))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "profile: APPROX_TOP_K of column 'CATEGORY' must be a JSON array of [value, count] pairs, but was "
                                + "'{not: an array}'");
        assertThatThrownBy(() ->
                        SnowflakeProfiler.fromResults("T", columns, List.of(1L), List.of(), ProfileOptions.DEFAULTS))
                .hasMessage("profile of table 'T': the statistics row must have 16 values, but had 1");
    }
}
