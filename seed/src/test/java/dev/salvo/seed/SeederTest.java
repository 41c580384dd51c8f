package dev.salvo.seed;

import static dev.salvo.seed.TestDb.contentHash;
import static dev.salvo.seed.TestDb.longValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.sql.profile.ProfileSnapshots.ConnectionSource;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SeederTest {
    static final Path SHOP = Path.of("..", "simulations", "src", "test", "resources", "seed", "shop.yaml");
    private static TestDb db;

    @BeforeAll
    static void start() {
        db = new TestDb("seeder");
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    private static SeedOptions quiet() {
        return SeedOptions.DEFAULTS.out(null);
    }

    @Test
    void seedsTheShopWithExactCountsAndValidatedForeignKeys() throws Exception {
        ConnectionSource cs = db.freshDatabase();
        SeedSummary summary = Seeder.seed(
                SpecYaml.load(SHOP), cs, SeedOptions.DEFAULTS.threads(2).progressSeconds(2));
        assertThat(summary.tables())
                .extracting(SeedSummary.TableResult::table)
                .containsExactly("customers", "orders", "order_items");
        assertThat(longValue(cs, "SELECT count(*) FROM customers")).isEqualTo(2000);
        assertThat(longValue(cs, "SELECT count(*) FROM orders")).isEqualTo(20000);
        long items = summary.tables().get(2).rows();
        assertThat(longValue(cs, "SELECT count(*) FROM order_items")).isEqualTo(items);
        assertThat(items).isBetween(20000L * 9, 20000L * 12); // mean 10.5 per order
        assertThat(summary.foreignKeys()).hasSize(2).allMatch(f -> f.violations() == 0);
        // the constraints exist and hold
        assertThat(
                        longValue(
                                cs,
                                "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace"))
                .isEqualTo(2);
        assertThat(
                        longValue(
                                cs,
                                "SELECT count(*) FROM pg_constraint WHERE contype = 'p' AND connamespace = 'public'::regnamespace"))
                .isEqualTo(3);
        // per-parent counts between 1 and 20, lines numbered 1..n
        assertThat(longValue(
                        cs,
                        "SELECT count(*) FROM (SELECT order_id, count(*) n, max(line_no) m FROM order_items "
                                + "GROUP BY order_id) x WHERE n < 1 OR n > 20 OR m <> n"))
                .isZero();
        assertThat(longValue(cs, "SELECT count(DISTINCT order_id) FROM order_items"))
                .isEqualTo(20000);
        // zipf-skewed parents: customer 1 has far more orders than the median customer
        assertThat(longValue(cs, "SELECT count(*) FROM orders WHERE customer_id = 1"))
                .isGreaterThan(500);
        // null fractions
        assertThat(longValue(cs, "SELECT count(*) FROM orders WHERE coupon IS NULL"))
                .isBetween(13000L, 15000L);
        assertThat(TestDb.text(cs, "SELECT coupon FROM orders WHERE coupon IS NOT NULL LIMIT 1"))
                .matches("[A-Z]{3}-[0-9]{4}");
        assertThat(TestDb.text(cs, "SELECT email FROM customers LIMIT 1")).matches("[a-z]{6,10}@example.com");
        assertThat(longValue(cs, "SELECT count(*) FROM orders WHERE amount < 1 OR amount > 5000"))
                .isZero();
        assertThat(longValue(cs, "SELECT count(*) FROM order_items WHERE quantity < 1"))
                .isZero();
    }

    @Test
    void contentIsTheSameForAnyThreadCountAndBatchSize() throws Exception {
        SeedSpec spec = SpecYaml.load(SHOP);
        ConnectionSource one = db.freshDatabase();
        Seeder.seed(spec, one, quiet().threads(1).batchRows(10_000));
        ConnectionSource four = db.freshDatabase();
        Seeder.seed(spec, four, quiet().threads(4).batchRows(777));
        for (String table : List.of("customers", "orders", "order_items")) {
            assertThat(contentHash(four, table)).as(table).isEqualTo(contentHash(one, table));
        }
        ConnectionSource otherSeed = db.freshDatabase();
        Seeder.seed(new SeedSpec(43, spec.tables()), otherSeed, quiet().threads(2));
        assertThat(contentHash(otherSeed, "customers")).isNotEqualTo(contentHash(one, "customers"));
    }
}
