package dev.salvo.seed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The seed module's bad-input corpus: each spec is refused while planning (before a connection is used or a row is
 * written) with exactly one line naming the culprit and the rule.
 */
class SeedBadInputCorpusTest {

    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of(
                        "unknown generator",
                        "t: {rows: 5, columns: {c: {gen: gaussian}}}",
                        "table 't' column 'c': gen must be one of sequence, int, decimal, float, date, timestamp, timestamptz, "
                                + "normal, lognormal, exponential, beta, zipf, poisson, choice, faker, letters, uuid, boolean, "
                                + "constant, child_index, but was 'gaussian'"),
                Arguments.of(
                        "unknown parameter",
                        "t: {rows: 5, columns: {c: {gen: int, maxx: 3}}}",
                        "table 't' column 'c' (gen int): a key must be one of [gen, max, min, nulls, type, unique], but was 'maxx'"),
                Arguments.of(
                        "unknown type",
                        "t: {rows: 5, columns: {c: {gen: int, type: jsonb}}}",
                        "table 't' column 'c': type must be one of smallint, integer, bigint, numeric(p,s), real, double precision, "
                                + "text, varchar(n), char(n), date, timestamp, timestamptz, boolean, uuid, but was 'jsonb'"),
                Arguments.of(
                        "negative stddev",
                        "t: {rows: 5, columns: {c: {gen: normal, mean: 10, stddev: -1}}}",
                        "table 't' column 'c': normal stddev must be a finite number > 0, but was -1.0"),
                Arguments.of(
                        "beta alpha zero",
                        "t: {rows: 5, columns: {c: {gen: beta, alpha: 0, beta: 2}}}",
                        "table 't' column 'c': beta alpha must be a finite number > 0, but was 0.0"),
                Arguments.of(
                        "zipf exponent zero",
                        "t: {rows: 5, columns: {c: {gen: zipf, min: 1, max: 10, exponent: 0}}}",
                        "table 't' column 'c': zipf exponent must be a finite number > 0, but was 0.0"),
                Arguments.of(
                        "poisson mean negative",
                        "t: {rows: 5, columns: {c: {gen: poisson, mean: -2}}}",
                        "table 't' column 'c': poisson mean must be a finite number > 0, but was -2.0"),
                Arguments.of(
                        "range upside down",
                        "t: {rows: 5, columns: {c: {gen: int, min: 10, max: 1}}}",
                        "table 't' column 'c': int min must be <= max (1), but was 10"),
                Arguments.of(
                        "date range upside down",
                        "t: {rows: 5, columns: {c: {gen: date, min: 2025-01-01, max: 2024-01-01}}}",
                        "table 't' column 'c': date min must be <= max (2024-01-01), but was 2025-01-01"),
                Arguments.of(
                        "null fraction above one",
                        "t: {rows: 5, columns: {c: {gen: int, nulls: 1.5}}}",
                        "table 't' column 'c': nulls must be between 0 and 1, but was 1.5"),
                Arguments.of(
                        "choice weights mismatch",
                        "t: {rows: 5, columns: {c: {gen: choice, values: [a, b], weights: [1]}}}",
                        "table 't' column 'c': choice weights must be one per value (2), but was 1 weights"),
                Arguments.of(
                        "bad faker expression",
                        "t: {rows: 5, columns: {c: {gen: faker, expression: ''}}}",
                        "table 't' column 'c': faker expression must be non-empty, e.g. #{Name.firstName}, but was ''"),
                Arguments.of(
                        "negative rows",
                        "t: {rows: -5, columns: {c: {gen: int}}}",
                        "table 't': rows must be >= 0, but was -5"),
                Arguments.of(
                        "no rows",
                        "t: {columns: {c: {gen: int}}}",
                        "table 't': rows must be given (rows, perParent or a profile), but was missing"),
                Arguments.of(
                        "unknown table key",
                        "t: {rowz: 5}",
                        "table 't': a key must be one of [columns, foreignKeys, perParent, primaryKey, profile, rows, unique], "
                                + "but was 'rowz'"),
                Arguments.of(
                        "foreign key to a missing table",
                        """
            orders:
              rows: 5
              columns: {order_id: {gen: sequence}}
              foreignKeys: [{columns: [customer_id], references: "customers(customer_id)"}]""",
                        "table 'orders' foreign key (customer_id): the referenced table must be one of the spec's tables "
                                + "[orders], but was 'customers'"),
                Arguments.of(
                        "foreign key to a missing column",
                        """
            customers: {rows: 5, primaryKey: [customer_id], columns: {customer_id: {gen: sequence}}}
            orders:
              rows: 5
              columns: {order_id: {gen: sequence}}
              foreignKeys: [{columns: [customer_id], references: "customers(id)"}]""",
                        "table 'orders' foreign key (customer_id): the referenced column must be a column of 'customers' "
                                + "[customer_id], but was 'id'"),
                Arguments.of(
                        "foreign key to a non-key column",
                        """
            customers: {rows: 5, columns: {customer_id: {gen: sequence}, region: {gen: letters}}}
            orders:
              rows: 5
              columns: {order_id: {gen: sequence}}
              foreignKeys: [{columns: [region], references: "customers(region)"}]""",
                        "table 'orders' foreign key (region): the referenced columns must be the primary key or a unique key of "
                                + "'customers', but (region) is neither"),
                Arguments.of(
                        "foreign key cycle without a nullable edge",
                        """
            a:
              rows: 5
              primaryKey: [id]
              columns: {id: {gen: sequence}}
              foreignKeys: [{columns: [b_id], references: "b(id)"}]
            b:
              rows: 5
              primaryKey: [id]
              columns: {id: {gen: sequence}}
              foreignKeys: [{columns: [a_id], references: "a(id)"}]""",
                        "foreign keys: every cycle of tables must contain a nullable foreign key (nulls > 0), but a -> b -> a has "
                                + "none"),
                Arguments.of(
                        "impossible unique",
                        "t: {rows: 1000, columns: {c: {gen: choice, values: [a, b, c, d, e, f, g, "
                                + "h, i, j], unique: true}}}",
                        "table 't' column 'c': the distinct values of a unique column must be at least the row count (1000), but "
                                + "was 10 (generator choice)"),
                Arguments.of(
                        "unique from a generator that cannot promise it",
                        "t: {rows: 10, columns: {c: {gen: faker, " + "expression: '#{Name.firstName}', unique: true}}}",
                        "table 't' column 'c': the generator of a unique column must be one of sequence, int, decimal, date, "
                                + "timestamp, timestamptz, choice, letters, uuid, but was faker"),
                Arguments.of(
                        "per-parent without a foreign key",
                        """
            orders: {rows: 5, primaryKey: [id], columns: {id: {gen: sequence}}}
            items: {perParent: {table: orders, min: 1, max: 3}, columns: {n: {gen: child_index}}}""",
                        "table 'items': perParent needs a foreign key to 'orders', but there is none"),
                Arguments.of(
                        "negative per-parent count",
                        """
            orders: {rows: 5, primaryKey: [id], columns: {id: {gen: sequence}}}
            items:
              perParent: {table: orders, min: -1, max: 3}
              columns: {n: {gen: child_index}}
              foreignKeys: [{columns: [order_id], references: "orders(id)"}]""",
                        "table 'items': perParent must satisfy 0 <= min <= max, but was -1..3"),
                Arguments.of("not a number", "t: {rows: many}", "table 't': rows must be a number, but was 'many'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void refusesBadSpecsWithOneLine(String name, String tables, String message) {
        String yaml = "seed: 1\ntables:\n" + tables.indent(2);
        assertThatThrownBy(() -> Seeder.check(SpecYaml.parse(yaml, null), 1.0))
                .isInstanceOf(SalvoException.class)
                .hasMessage(message);
    }
}
