package dev.salvo.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * What to seed: tables in any order (Salvo orders them by their foreign keys) and the seed that makes the content
 * repeatable. Immutable. Build it in Java or read it from YAML with {@link SpecYaml}.
 *
 * <pre>{@code
 * SeedSpec spec = SeedSpec.seed(42)
 *     .table(TableSpec.named("customers").rows(1_000)
 *         .column("customer_id", Gen.sequence(1)).primaryKey("customer_id")
 *         .column("name", Gen.faker("#{Name.fullName}")))
 *     .table(TableSpec.named("orders").rows(10_000)
 *         .column("order_id", Gen.sequence(1)).primaryKey("order_id")
 *         .foreignKey(ForeignKeySpec.of("customer_id", "customers", "customer_id").zipf(1.1)));
 * }</pre>
 *
 * @param seed the seed: the same spec and seed give the same rows
 * @param tables the tables
 */
public record SeedSpec(long seed, List<TableSpec> tables) {

    /** Copies the list. */
    public SeedSpec {
        tables = List.copyOf(tables);
    }

    /** @param seed the seed @return an empty spec */
    public static SeedSpec seed(long seed) {
        return new SeedSpec(seed, List.of());
    }

    /** @param table a table @return a copy with it added (or replacing one of the same name) */
    public SeedSpec table(TableSpec table) {
        List<TableSpec> list = new ArrayList<>(tables);
        list.removeIf(t -> t.name().equals(table.name()));
        list.add(table);
        return new SeedSpec(seed, list);
    }

    /** @param name a table name @return its spec, or null */
    public TableSpec tableNamed(String name) {
        for (TableSpec t : tables) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
