package dev.salvo.feeders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.QueryKind;
import dev.salvo.sql.TableShape;
import dev.salvo.sql.profile.ProfileOptions;
import dev.salvo.sql.profile.ProfileSnapshot;
import dev.salvo.sql.profile.ProfileSnapshots;
import dev.salvo.sql.profile.TableProfile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parameters generated from real profiles of the demo schema look like the data. */
class ProfileFidelityTest {
    private static EmbeddedDatabase db;
    private static Connection c;
    private static TableProfile orders;

    @TempDir
    Path snapshots;

    @BeforeAll
    static void start() throws Exception {
        db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-feeders"));
        c = DriverManager.getConnection(db.jdbcUrl());
        DemoSchema.load(c);
        orders = new PostgresDialect().profiler().profile(c, "orders", List.of(), ProfileOptions.DEFAULTS);
    }

    @AfterAll
    static void stop() throws Exception {
        c.close();
        db.close();
    }

    @Test
    void weightedSampleMatchesTheTrueFrequenciesOfASkewedColumn() throws Exception {
        for (String column : List.of("category", "status")) {
            Map<Object, Double> truth = new HashMap<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT " + column + ", count(*) FROM orders GROUP BY 1")) {
                while (rs.next()) {
                    truth.put(rs.getString(1), rs.getLong(2) / (double) DemoSchema.ORDERS);
                }
            }
            ParameterGenerator g = ParameterGenerator.builder()
                    .profiles(orders)
                    .seed(3)
                    .parameters(ParameterSpec.weightedSample("v", column))
                    .build();
            int n = 1_000_000;
            Map<Object, Integer> counts = new HashMap<>();
            Object[] t = new Object[1];
            for (int i = 0; i < n; i++) {
                g.next(t);
                counts.merge(t[0], 1, Integer::sum);
            }
            double tvd = 0;
            Set<Object> keys = new HashSet<>(truth.keySet());
            keys.addAll(counts.keySet());
            for (Object k : keys) {
                tvd += Math.abs(truth.getOrDefault(k, 0.0) - counts.getOrDefault(k, 0) / (double) n);
            }
            assertThat(tvd / 2).as("total variation distance of %s", column).isLessThanOrEqualTo(0.02);
        }
    }

    @Test
    void implicitParametersOfEveryKindRunAgainstTheDatabase() throws Exception {
        TableShape shape = TableShape.of("orders")
                .withKey("order_id")
                .withRange("order_date")
                .withColumns(
                        List.of("order_id", "customer_id", "category", "status", "order_date", "amount", "quantity"));
        ParameterGenerator point = ParameterGenerator.builder()
                .profiles(orders)
                .parameters(ImplicitParameters.forKind(QueryKind.POINT_LOOKUP, shape, orders))
                .build();
        int found = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM orders WHERE order_id = ?")) {
            for (int i = 0; i < 200; i++) {
                ps.setObject(1, point.nextMap().get("key"));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    found += rs.getInt(1);
                }
            }
        }
        assertThat(found).as("every generated key exists").isEqualTo(200);
        ParameterGenerator range = ParameterGenerator.builder()
                .profiles(orders)
                .parameters(ImplicitParameters.forKind(QueryKind.RANGE_SCAN, shape, orders))
                .build();
        Map<String, Object> r = range.nextMap();
        assertThat((LocalDate) r.get("to")).isAfter((LocalDate) r.get("from"));
        ParameterGenerator insert = ParameterGenerator.builder()
                .profiles(orders)
                .parameters(ImplicitParameters.forKind(QueryKind.INSERT, shape, orders))
                .build();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 50; i++) {
                Object[] t = new Object[7];
                insert.next(t);
                for (int p = 0; p < 7; p++) {
                    ps.setObject(p + 1, t[p]);
                }
                ps.executeUpdate(); // unique keys after the max, customers that exist, valid categories
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM orders WHERE order_id > " + DemoSchema.ORDERS);
        }
    }

    @Test
    void timestampsWithTimeZoneAreDrawnAndBoundAsInstants() throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS visits");
            st.execute("CREATE TABLE visits (at timestamptz NOT NULL)");
            st.execute("INSERT INTO visits SELECT timestamptz '2024-01-01 00:00:00+00' + i * interval '1 hour' "
                    + "FROM generate_series(0, 999) i");
            st.execute("ANALYZE visits");
        }
        TableProfile visits = new PostgresDialect().profiler().profile(c, "visits", List.of(), ProfileOptions.DEFAULTS);
        ParameterGenerator g = ParameterGenerator.builder()
                .profiles(visits)
                .parameters(
                        ParameterSpec.randomInRange("from", "at"),
                        ParameterSpec.offsetFromPrevious("to", "from", 1),
                        ParameterSpec.weightedSample("one", "at"))
                .build();
        Tuple t = g.newTuple();
        try (PreparedStatement range = c.prepareStatement("SELECT count(*) FROM visits WHERE at >= ? AND at < ?");
                PreparedStatement one = c.prepareStatement("SELECT count(*) FROM visits WHERE at = ?")) {
            for (int i = 0; i < 50; i++) {
                g.next(t);
                OffsetDateTime from = (OffsetDateTime) t.get(0);
                range.setObject(1, from);
                range.setObject(2, t.get(1));
                long expected = Math.min(
                        24,
                        Math.max(
                                0,
                                1000
                                        - java.time.Duration.between(OffsetDateTime.parse("2024-01-01T00:00:00Z"), from)
                                                        .toSeconds()
                                                / 3600));
                try (ResultSet rs = range.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("a day from %s", from).isBetween(expected - 1, expected);
                }
                one.setObject(1, t.get(2));
                try (ResultSet rs = one.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("sampled %s exists", t.get(2)).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void aSnapshotGeneratesTheSameParametersWithoutTheDatabase() {
        ProfileSnapshot saved = ProfileSnapshots.save(orders, ProfileSnapshots.file(snapshots, "orders"));
        ProfileSnapshot offline = ProfileSnapshots.loadOrProfile(
                snapshots,
                "orders",
                List.of("category", "order_date"),
                false,
                new PostgresDialect(),
                null,
                ProfileOptions.DEFAULTS);
        assertThat(offline.sha256()).isEqualTo(saved.sha256());
        List<ParameterSpec> specs = List.of(
                ParameterSpec.weightedSample("c", "category"),
                ParameterSpec.randomInRange("d", "order_date"),
                ParameterSpec.sampleList("l", "customer_id", 1, 5));
        ParameterGenerator live =
                ParameterGenerator.builder().profiles(orders).parameters(specs).build();
        ParameterGenerator fromFile = ParameterGenerator.builder()
                .profiles(offline.profile())
                .parameters(specs)
                .build();
        for (int i = 0; i < 1000; i++) {
            assertThat(fromFile.nextMap()).isEqualTo(live.nextMap());
        }
    }
}
