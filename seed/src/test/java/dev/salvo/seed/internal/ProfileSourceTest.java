package dev.salvo.seed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.seed.SeedOptions;
import dev.salvo.seed.SeedSpec;
import dev.salvo.seed.Seeder;
import dev.salvo.seed.TableSpec;
import dev.salvo.sql.DemoSchema;
import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.ProfileMode;
import dev.salvo.sql.profile.ProfileOptions;
import dev.salvo.sql.profile.ProfileSnapshots;
import dev.salvo.sql.profile.TableProfile;
import dev.salvo.sql.profile.ValueFrequency;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profile fidelity: seed from profiles into an empty database, profile the result with Salvo's profiler, and compare:
 * total variation distance of every categorical column (its most common values cover &gt;= 95% of rows) &lt;= 0.05 and
 * null fractions within 0.01. Histograms: PostgreSQL builds {@code histogram_bounds} from the values outside the most
 * common list, bound i at quantile i/(n-1) of ANALYZE's sample. The seeded column's exact quantiles at the same points,
 * over the values outside the original's most common list ({@code percentile_disc}), must each lie within one bucket
 * of the original bound (between bounds i-1 and i+1). The seeded side is measured exactly rather than from a second
 * ANALYZE sample, whose own most-common list and sampling noise would compare two samples instead of the seeder.
 */
class ProfileSourceTest {
    static final Path PROFILES = Path.of("..", "simulations", "src", "test", "resources", "salvo", "profiles");
    static final ProfileOptions STATS = ProfileOptions.DEFAULTS.mode(ProfileMode.STATISTICS);
    private static EmbeddedDatabase db;
    private static int databases;

    @BeforeAll
    static void start() {
        db = EmbeddedDatabase.start(Path.of("target", "embedded-pg-profile"));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static String freshDatabase() throws Exception {
        String name = "profile_" + (++databases);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return db.jdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
    }

    @Test
    void seedsTheCommittedDemoProfilesFaithfully() throws Exception {
        TableProfile customers =
                ProfileSnapshots.load(PROFILES.resolve("customers.yaml")).profile();
        TableProfile orders =
                ProfileSnapshots.load(PROFILES.resolve("orders.yaml")).profile();
        assertFaithful(List.of(customers, orders));
    }

    @Test
    void seedsEveryColumnOfTheLiveDemoSchemaFaithfully() throws Exception {
        String url = freshDatabase();
        TableProfile customers;
        TableProfile orders;
        try (Connection c = DriverManager.getConnection(url)) {
            DemoSchema.load(c);
            customers = new PostgresDialect().profiler().profile(c, "customers", List.of(), STATS);
            orders = new PostgresDialect().profiler().profile(c, "orders", List.of(), STATS);
        }
        assertThat(orders.columns()).hasSize(7);
        assertFaithful(List.of(customers, orders));
    }

    private static void assertFaithful(List<TableProfile> originals) throws Exception {
        SeedSpec spec = SeedSpec.seed(7);
        for (TableProfile p : originals) {
            spec = spec.table(TableSpec.named(p.table()).profile(p));
        }
        String url = freshDatabase();
        Seeder.seed(spec, () -> DriverManager.getConnection(url), SeedOptions.DEFAULTS.out(null));
        int categorical = 0;
        int histograms = 0;
        try (Connection c = DriverManager.getConnection(url)) {
            for (TableProfile original : originals) {
                TableProfile seeded = new PostgresDialect()
                        .profiler()
                        .profile(
                                c,
                                original.table(),
                                List.copyOf(original.columns().keySet()),
                                STATS);
                assertThat(seeded.totalRows()).isEqualTo(original.totalRows());
                for (ColumnProfile o : original.columns().values()) {
                    ColumnProfile s = seeded.column(o.name());
                    String what = original.table() + "." + o.name();
                    assertThat(s.nullFraction())
                            .as(what + " null fraction")
                            .isCloseTo(o.nullFraction(), org.assertj.core.data.Offset.offset(0.01));
                    if (o.mostCommonFraction() >= 0.95) {
                        categorical++;
                        double tvd = tvd(o, s);
                        System.out.printf(java.util.Locale.ROOT, "[profile fidelity] %s: TVD %.4f%n", what, tvd);
                        assertThat(tvd).as(what + " total variation distance").isLessThanOrEqualTo(0.05);
                    }
                    if (o.histogramBounds().size() > 2 && o.type().isRange()) {
                        histograms++;
                        assertWithinOneBucket(what, o, quantiles(c, original.table(), o));
                    }
                }
            }
        }
        assertThat(categorical + histograms).isPositive();
    }

    static double tvd(ColumnProfile a, ColumnProfile b) {
        Map<String, double[]> p = new HashMap<>();
        for (ValueFrequency v : a.mostCommon()) {
            p.computeIfAbsent(a.type().format(v.value()), k -> new double[2])[0] = v.frequency();
        }
        for (ValueFrequency v : b.mostCommon()) {
            p.computeIfAbsent(b.type().format(v.value()), k -> new double[2])[1] = v.frequency();
        }
        double sum = Math.abs(
                (1 - a.mostCommonFraction() - a.nullFraction()) - (1 - b.mostCommonFraction() - b.nullFraction()));
        for (double[] f : p.values()) {
            sum += Math.abs(f[0] - f[1]);
        }
        return sum / 2;
    }

    /** The seeded column's exact quantiles at the original bounds' points, over values outside its MCV list. */
    static List<Object> quantiles(Connection c, String table, ColumnProfile o) throws Exception {
        int n = o.histogramBounds().size();
        Double[] points = new Double[n];
        for (int i = 0; i < n; i++) {
            points[i] = (double) i / (n - 1);
        }
        String[] common =
                o.mostCommon().stream().map(v -> o.type().format(v.value())).toArray(String[]::new);
        String col = "\"" + o.name() + "\"";
        try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT (percentile_disc(?::float8[]) WITHIN GROUP "
                + "(ORDER BY " + col + "))::text[] FROM \"" + table + "\" WHERE " + col + " IS NOT NULL AND NOT ("
                + col + "::text = ANY (?::text[]))")) {
            ps.setArray(1, c.createArrayOf("float8", points));
            ps.setArray(2, c.createArrayOf("text", common));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return java.util.Arrays.stream((String[]) rs.getArray(1).getArray())
                        .map(o.type()::parse)
                        .toList();
            }
        }
    }

    static void assertWithinOneBucket(String what, ColumnProfile o, List<Object> seeded) {
        List<Object> ob = o.histogramBounds();
        double worst = 0;
        for (int i = 1; i + 1 < ob.size(); i++) {
            double b = value(o, ob.get(i));
            double v = value(o, seeded.get(i));
            double width = v >= b ? value(o, ob.get(i + 1)) - b : b - value(o, ob.get(i - 1));
            worst = Math.max(worst, width == 0 ? 0 : Math.abs(v - b) / width);
        }
        System.out.printf(
                java.util.Locale.ROOT,
                "[profile fidelity] %s: %d quantiles, worst %.2f buckets off%n",
                what,
                ob.size(),
                worst);
        for (int i = 0; i < ob.size(); i++) {
            // the first and last bounds are ANALYZE's sample's extremes; the profile's min and max are the column's own
            double lo = i == 0 ? Math.min(value(o, o.min()), value(o, ob.get(0))) : value(o, ob.get(i - 1));
            double hi = i == ob.size() - 1 ? Math.max(value(o, o.max()), value(o, ob.get(i))) : value(o, ob.get(i + 1));
            assertThat(value(o, seeded.get(i)))
                    .as(what + " quantile " + i + "/" + (ob.size() - 1))
                    .isBetween(lo, hi);
        }
    }

    static double value(ColumnProfile p, Object v) {
        return switch (p.type()) {
            case FLOAT, DECIMAL -> ((Number) v).doubleValue();
            default -> ProfileSource.ordinal(p.type(), v);
        };
    }
}
