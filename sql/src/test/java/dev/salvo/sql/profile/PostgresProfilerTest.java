package dev.salvo.sql.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.SalvoException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresProfilerTest {
    private static EmbeddedDatabase db;
    private static Connection c;
    private static final Profiler PROFILER = new PostgresDialect().profiler();

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-profiler"));
        c = DriverManager.getConnection(db.jdbcUrl());
        DemoSchema.load(c);
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS nostats");
            st.execute("CREATE TABLE nostats (id integer, label text, gone text) WITH (autovacuum_enabled = false)");
            st.execute("INSERT INTO nostats SELECT i, 'l' || (i % 7), NULL FROM generate_series(1, 5000) i");
            st.execute("DROP TABLE IF EXISTS \"Odd \"\"Name\"\"\"");
            st.execute("CREATE TABLE \"Odd \"\"Name\"\"\" (\"Mixed Case\" date) WITH (autovacuum_enabled = false)");
            st.execute("INSERT INTO \"Odd \"\"Name\"\"\" VALUES ('2024-05-01'), ('2024-05-03'), (NULL)");
            st.execute("DROP TABLE IF EXISTS empty_table");
            st.execute("CREATE TABLE empty_table (x integer)");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        db.close();
    }

    @Test
    void readsPlannerStatisticsAfterAnalyze() {
        TableProfile p = PROFILER.profile(
                c, "orders", List.of("category", "order_date", "amount", "order_id"), ProfileOptions.DEFAULTS);
        assertThat(p.totalRows()).isEqualTo(DemoSchema.ORDERS);
        ColumnProfile category = p.column("category");
        assertThat(category.mode()).isEqualTo(ProfileMode.STATISTICS);
        assertThat(category.type()).isEqualTo(ColumnType.TEXT);
        assertThat(category.distinctCount()).isEqualTo(12);
        assertThat(category.nullCount()).isZero();
        assertThat(category.mostCommon().get(0).value()).isEqualTo("books");
        assertThat(category.mostCommon().get(0).frequency()).isCloseTo(0.44, within(0.03));
        assertThat(category.mostCommonFraction()).isCloseTo(1.0, within(0.001));
        assertThat(category.sample()).hasSize(ProfileOptions.DEFAULT_SAMPLE_SIZE);
        ColumnProfile date = p.column("order_date");
        assertThat(date.type()).isEqualTo(ColumnType.DATE);
        assertThat((LocalDate) date.min()).isBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 10));
        assertThat((LocalDate) date.max()).isBetween(LocalDate.of(2025, 12, 20), LocalDate.of(2025, 12, 30));
        assertThat(date.histogramBounds()).hasSizeGreaterThan(10);
        assertThat(p.column("amount").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(p.column("amount").min()).isInstanceOf(BigDecimal.class);
        ColumnProfile id = p.column("order_id");
        assertThat(id.type()).isEqualTo(ColumnType.INTEGER);
        assertThat(id.distinctCount()).isEqualTo(DemoSchema.ORDERS);
        assertThat(id.min()).as("exact through the primary key index").isEqualTo(1L);
        assertThat(id.max()).as("exact through the primary key index").isEqualTo((long) DemoSchema.ORDERS);
    }

    @Test
    void fallsBackToSamplingWithoutStatistics() {
        TableProfile p = PROFILER.profile(c, "nostats", List.of(), ProfileOptions.DEFAULTS.sampleSize(500));
        assertThat(p.totalRows()).isEqualTo(5000);
        ColumnProfile label = p.column("label");
        assertThat(label.mode()).isEqualTo(ProfileMode.SAMPLED);
        assertThat(label.distinctCount()).isEqualTo(7);
        assertThat(label.sample()).hasSize(500);
        assertThat(label.mostCommon()).hasSize(7);
        assertThat(label.mostCommonFraction()).isCloseTo(1.0, within(1e-9));
        ColumnProfile id = p.column("id");
        assertThat((Long) id.min()).isBetween(1L, 100L);
        assertThat(id.distinctCount()).isBetween(2500L, 5000L);
        ColumnProfile gone = p.column("gone");
        assertThat(gone.nullCount()).isEqualTo(5000);
        assertThat(gone.hasNoValues()).isTrue();
        assertThatThrownBy(() ->
                        PROFILER.profile(c, "nostats", List.of(), ProfileOptions.DEFAULTS.mode(ProfileMode.STATISTICS)))
                .isInstanceOf(SalvoException.class)
                .hasMessageStartingWith(
                        "profile of table 'nostats': pg_stats must hold every profiled column in STATISTICS mode");
    }

    @Test
    void exactModeMatchesAGroupBy() throws Exception {
        TableProfile p = PROFILER.profile(
                c, "orders", List.of("category", "status"), ProfileOptions.DEFAULTS.mode(ProfileMode.EXACT));
        Map<Object, Double> truth = frequencies("category");
        ColumnProfile category = p.column("category");
        assertThat(category.mode()).isEqualTo(ProfileMode.EXACT);
        assertThat(category.mostCommon()).hasSize(12);
        for (ValueFrequency v : category.mostCommon()) {
            assertThat(v.frequency()).isEqualTo(truth.get(v.value()));
        }
        assertThat(p.column("status").min()).isEqualTo("cancelled");
        assertThat(p.column("status").max()).isEqualTo("shipped");
        assertThat(p.column("status").mostCommon().get(0)).isEqualTo(new ValueFrequency("delivered", 0.7));
    }

    @Test
    void quotesIdentifiersAndCapsSamples() {
        TableProfile p =
                PROFILER.profile(c, "Odd \"Name\"", List.of("Mixed Case"), ProfileOptions.DEFAULTS.sampleSize(1));
        ColumnProfile col = p.column("Mixed Case");
        assertThat(col.totalRows()).isEqualTo(3);
        assertThat(col.nullCount()).isEqualTo(1);
        assertThat(col.min()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(col.max()).isEqualTo(LocalDate.of(2024, 5, 3));
        assertThat(col.sample()).hasSizeLessThanOrEqualTo(1);
        TableProfile schemaQualified = PROFILER.profile(c, "public.nostats", List.of("id"), ProfileOptions.DEFAULTS);
        assertThat(schemaQualified.totalRows()).isEqualTo(5000);
    }

    @Test
    void profilesAnEmptyTable() {
        ColumnProfile x = PROFILER.profile(c, "empty_table", List.of(), ProfileOptions.DEFAULTS)
                .column("x");
        assertThat(x.totalRows()).isZero();
        assertThat(x.hasNoValues()).isTrue();
    }

    @Test
    void rejectsUnknownTablesAndColumns() {
        assertThatThrownBy(() -> PROFILER.profile(c, "orders", List.of("nope"), ProfileOptions.DEFAULTS))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "profile of table 'orders': column 'nope' must be one of [order_id, customer_id, category, status, "
                                + "order_date, amount, quantity], but was not found");
        assertThatThrownBy(() -> PROFILER.profile(c, "missing", List.of(), ProfileOptions.DEFAULTS))
                .isInstanceOf(SalvoException.class)
                .hasMessageStartingWith(
                        "profile: table 'missing' must exist and be readable, but reading it failed: ERROR: "
                                + "relation \"missing\" does not exist");
    }

    @Test
    void analyzeFirstCreatesStatistics() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS later");
            st.execute(
                    "CREATE TABLE later WITH (autovacuum_enabled = false) AS SELECT i AS v FROM generate_series(1, 300) i");
        }
        assertThat(PROFILER.profile(c, "later", List.of(), ProfileOptions.DEFAULTS)
                        .column("v")
                        .mode())
                .isEqualTo(ProfileMode.SAMPLED);
        ColumnProfile v = PROFILER.profile(c, "later", List.of(), ProfileOptions.DEFAULTS.analyzeFirst())
                .column("v");
        assertThat(v.mode()).isEqualTo(ProfileMode.STATISTICS);
        assertThat(v.min()).isEqualTo(1L);
        assertThat(v.max()).isEqualTo(300L);
        assertThat(v.distinctCount()).isEqualTo(300);
    }

    @Test
    void profilesTimestampsWithTimeZoneInEveryModeAndRoundTripsThemThroughYaml(@TempDir Path dir) throws Exception {
        OffsetDateTime first = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        Duration step = Duration.ofMinutes(90).plusMillis(15_250); // sub-second digits on purpose
        Set<Object> common = IntStream.range(0, 10)
                .mapToObj(i -> first.plus(step.multipliedBy(i)))
                .collect(Collectors.toSet());
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS events_tz");
            st.execute("CREATE TABLE events_tz (at timestamptz, spread timestamptz, plain timestamp) "
                    + "WITH (autovacuum_enabled = false)");
            // at: 10 instants, 200 rows each (most common values); spread: 2,000 distinct instants a minute apart
            // (histogram)
            st.execute(
                    "INSERT INTO events_tz SELECT timestamptz '2024-01-01 00:00:00+00' + (i % 10) * interval '90 minutes "
                            + "15.25 seconds', timestamptz '2024-01-01 00:00:00+00' + i * interval '1 minute', "
                            + "timestamp '2024-01-01 00:00:00' + i * interval '1 minute' FROM generate_series(0, 1999) i");
            st.execute("SET TimeZone = 'Asia/Kolkata'"); // pg_stats text and the driver see +05:30, not UTC
            st.execute("ANALYZE events_tz");
            try (ResultSet rs =
                    st.executeQuery("SELECT most_common_vals::text FROM pg_stats WHERE tablename = 'events_tz' "
                            + "AND attname = 'at'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("2024-01-01 05:30:00+05:30");
            }
        }
        try {
            for (ProfileMode mode : List.of(ProfileMode.STATISTICS, ProfileMode.SAMPLED, ProfileMode.EXACT)) {
                TableProfile p = PROFILER.profile(c, "events_tz", List.of(), ProfileOptions.DEFAULTS.mode(mode));
                ColumnProfile at = p.column("at");
                assertThat(at.type()).as(mode.name()).isEqualTo(ColumnType.TIMESTAMPTZ);
                assertThat(at.mode()).isEqualTo(mode);
                assertThat(at.min()).as(mode.name()).isEqualTo(first);
                assertThat(at.max()).as(mode.name()).isEqualTo(first.plus(step.multipliedBy(9)));
                assertThat(at.distinctCount()).isEqualTo(10);
                assertThat(at.mostCommon()).hasSize(10);
                for (ValueFrequency v : at.mostCommon()) {
                    assertThat(common).contains(v.value());
                    assertThat(v.frequency()).isCloseTo(0.1, within(0.001));
                }
                assertThat(at.sample()).isNotEmpty().allSatisfy(v -> {
                    assertThat(common).contains(v);
                    assertThat(((OffsetDateTime) v).getOffset()).isEqualTo(ZoneOffset.UTC);
                });
                ColumnProfile spread = p.column("spread");
                assertThat(spread.type()).isEqualTo(ColumnType.TIMESTAMPTZ);
                assertThat(spread.min()).as(mode.name()).isEqualTo(first);
                assertThat(spread.max()).as(mode.name()).isEqualTo(first.plusMinutes(1999));
                if (mode == ProfileMode.STATISTICS) {
                    assertThat(spread.histogramBounds())
                            .hasSizeGreaterThan(10)
                            .allSatisfy(v ->
                                    assertThat(((OffsetDateTime) v).getOffset()).isEqualTo(ZoneOffset.UTC));
                }
                assertThat(p.column("plain").type()).isEqualTo(ColumnType.TIMESTAMP);
                ProfileSnapshot saved =
                        ProfileSnapshots.save(p, dir.resolve(mode.name().toLowerCase(java.util.Locale.ROOT) + ".yaml"));
                assertThat(java.nio.file.Files.readString(saved.file()))
                        .contains("    type: timestamptz\n")
                        .contains("    min: '2024-01-01T00:00:00Z'\n");
                ProfileSnapshot loaded = ProfileSnapshots.load(saved.file());
                assertThat(loaded.sha256()).isEqualTo(saved.sha256());
                for (String column : List.of("at", "spread")) {
                    ColumnProfile before = p.column(column);
                    ColumnProfile after = loaded.profile().column(column);
                    assertThat(after.type()).isEqualTo(ColumnType.TIMESTAMPTZ);
                    assertThat(after.min()).isEqualTo(before.min());
                    assertThat(after.max()).isEqualTo(before.max());
                    assertThat(after.sample()).isEqualTo(before.sample());
                    assertThat(after.histogramBounds()).isEqualTo(before.histogramBounds());
                    assertThat(after.mostCommon())
                            .extracting(ValueFrequency::value)
                            .isEqualTo(before.mostCommon().stream()
                                    .map(ValueFrequency::value)
                                    .toList());
                }
            }
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("RESET TimeZone");
            }
        }
    }

    @Test
    void namesTheColumnOfAStatisticsValueJavaCannotRead() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS endless");
            st.execute("CREATE TABLE endless (valid_to timestamptz) WITH (autovacuum_enabled = false)");
            st.execute(
                    "INSERT INTO endless SELECT CASE WHEN i % 2 = 0 THEN 'infinity' ELSE timestamptz '2024-01-01 00:00+00' "
                            + "+ i * interval '1 day' END FROM generate_series(1, 1000) i");
            st.execute("ANALYZE endless");
        }
        assertThatThrownBy(() ->
                        PROFILER.profile(c, "endless", List.of(), ProfileOptions.DEFAULTS.mode(ProfileMode.STATISTICS)))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "profile of column 'valid_to': a timestamptz value in pg_stats must be in its standard text form, "
                                + "but was 'infinity'");
    }

    private static Map<Object, Double> frequencies(String column) throws Exception {
        Map<Object, Double> out = new HashMap<>();
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + column + ", count(*) FROM orders GROUP BY 1")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2) / (double) DemoSchema.ORDERS);
            }
        }
        return out;
    }
}
