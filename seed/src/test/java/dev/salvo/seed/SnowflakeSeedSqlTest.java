package dev.salvo.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnowflakeSeedSqlTest {
    static final SeedSpec SHOP = SeedSpec.seed(42)
            .table(TableSpec.named("customers")
                    .rows(1000)
                    .primaryKey("customer_id")
                    .column("customer_id", Gen.sequence(1))
                    .column("region", Gen.weighted(List.of("north", "o'south"), List.of(3.0, 1.0)))
                    .column(ColumnSpec.of("signup", Gen.dates(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31)))
                            .nulls(0.1)))
            .table(TableSpec.named("orders")
                    .rows(5000)
                    .primaryKey("order_id")
                    .column("order_id", Gen.sequence(1))
                    .column("amount", Gen.normal(50, 10, 0, 100, 2))
                    .foreignKey(ForeignKeySpec.of("customer_id", "customers", "customer_id")
                            .zipf(1.1)));

    @Test
    void generatesServerSideInsertsKeyedByRowNumber() {
        List<String> sql = SnowflakeSeedSql.statements(SHOP, 2);
        assertThat(sql).hasSize(4);
        assertThat(sql.get(0))
                .isEqualTo("CREATE TABLE IF NOT EXISTS \"CUSTOMERS\" (\"CUSTOMER_ID\" NUMBER(19,0), "
                        + "\"REGION\" VARCHAR, \"SIGNUP\" DATE)");
        assertThat(sql.get(1)).isEqualTo("""
        INSERT INTO "CUSTOMERS" ("CUSTOMER_ID", "REGION", "SIGNUP")
        SELECT (1 + 1 * rn) AS "CUSTOMER_ID",
               CASE WHEN UNIFORM(0::FLOAT, 1::FLOAT, HASH(42, 'customers.region', rn)) < 0.750000000000 THEN 'north' \
        ELSE 'o''south' END AS "REGION",
               IFF(UNIFORM(0::FLOAT, 1::FLOAT, HASH(42, 'customers.signup:null', rn)) < 0.1, NULL, \
        DATEADD(day, UNIFORM(0, 365, HASH(42, 'customers.signup', rn)), '2024-01-01'::DATE)) AS "SIGNUP"
        FROM (SELECT ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1 AS rn FROM TABLE(GENERATOR(ROWCOUNT => 2000)))""");
        assertThat(sql.get(3))
                .contains("ROUND(LEAST(100.0, GREATEST(0.0, NORMAL(50.0, 10.0, HASH(42, 'orders.amount', rn)))), 2)")
                .contains("(1 + 1 * (ZIPF(1.1, 2000, HASH(42, 'orders.fk:customer_id', rn)) - 1)) AS \"CUSTOMER_ID\"")
                .contains("GENERATOR(ROWCOUNT => 10000)");
        assertThat(String.join("\n", sql)).doesNotContain("RANDOM(").doesNotContain("SEQ8() AS");
    }

    @Test
    void refusesWhatSnowflakeSqlCannotExpress() {
        SeedSpec faker =
                SeedSpec.seed(1).table(TableSpec.named("t").rows(5).column("c", Gen.faker("#{Name.firstName}")));
        assertThatThrownBy(() -> SnowflakeSeedSql.statements(faker, 1))
                .isInstanceOf(SalvoException.class)
                .hasMessage("table 't' column 'c': the generator must be one of sequence, int, decimal, float, date, "
                        + "timestamp, timestamptz, normal, lognormal, exponential, zipf, choice, letters, uuid, boolean, constant "
                        + "for Snowflake SQL, but was faker");
        SeedSpec badRange = SeedSpec.seed(1).table(TableSpec.named("t").rows(5).column("c", Gen.uniform(9, 1)));
        assertThatThrownBy(() -> SnowflakeSeedSql.statements(badRange, 1))
                .isInstanceOf(SalvoException.class)
                .hasMessage("table 't' column 'c': int min must be <= max (1), but was 9");
    }
}
