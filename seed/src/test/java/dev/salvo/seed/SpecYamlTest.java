package dev.salvo.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecYamlTest {
    @Test
    void readsTheShopSpecIntoTheSameValuesAsTheJavaBuilder() {
        SeedSpec spec = SpecYaml.load(SeederTest.SHOP);
        assertThat(spec.seed()).isEqualTo(42);
        TableSpec customers = spec.tableNamed("customers");
        assertThat(customers.rows()).isEqualTo(2000);
        assertThat(customers.primaryKey()).containsExactly("customer_id");
        assertThat(customers.columnNamed("signup_date").gen())
                .isEqualTo(Gen.dates(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31)));
        assertThat(customers.columnNamed("vip")).isEqualTo(new ColumnSpec("vip", null, new Gen.Bool(0.1), 0.02, false));
        assertThat(customers.columnNamed("region").gen())
                .isEqualTo(Gen.weighted(
                        List.of("north", "south", "east", "west", "central"), List.of(40.0, 25.0, 15.0, 15.0, 5.0)));
        TableSpec orders = spec.tableNamed("orders");
        assertThat(orders.columnNamed("ordered_at").gen())
                .isEqualTo(new Gen.TimestamptzRange(
                        OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                        OffsetDateTime.of(2025, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC)));
        assertThat(orders.foreignKeys())
                .containsExactly(ForeignKeySpec.of("customer_id", "customers", "customer_id")
                        .zipf(1.1));
        TableSpec items = spec.tableNamed("order_items");
        assertThat(items.rows()).isEqualTo(-1);
        assertThat(items.perParent()).isEqualTo(new TableSpec.PerParent("orders", 1, 20));
        assertThat(items.columnNamed("line_no").gen()).isEqualTo(new Gen.ChildIndex());
        assertThat(items.columnNamed("unit_price").gen())
                .isEqualTo(new Gen.DecimalRange(new BigDecimal("0.99"), new BigDecimal("499.99"), 2));
    }

    @Test
    void readsProfilesRelativeToTheSpecFile() {
        SeedSpec spec = SpecYaml.parse(
                "tables: {orders: {profile: orders.yaml, rows: 10}}",
                java.nio.file.Path.of("..", "simulations", "src", "test", "resources", "salvo", "profiles"));
        assertThat(spec.tableNamed("orders").profile().columns()).containsKeys("order_id", "category");
    }
}
