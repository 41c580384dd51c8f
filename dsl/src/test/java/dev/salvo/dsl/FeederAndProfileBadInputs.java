package dev.salvo.dsl;

import static dev.salvo.dsl.BadInputCorpusTest.bad;
import static dev.salvo.dsl.BadInputCorpusTest.connection;
import static dev.salvo.dsl.BadInputCorpusTest.dir;
import static dev.salvo.dsl.BadInputCorpusTest.generator;
import static dev.salvo.dsl.BadInputCorpusTest.orders;
import static dev.salvo.dsl.BadInputCorpusTest.write;
import static dev.salvo.dsl.SqlDsl.*;

import dev.salvo.feeders.ParamType;
import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.Pool;
import dev.salvo.feeders.PoolOrdering;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.profile.ProfileOptions;
import dev.salvo.sql.profile.ProfileSnapshots;
import dev.salvo.sql.profile.TableProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** BadInputCorpusTest's cases for parameter specs, the generator, profiles and snapshots. */
final class FeederAndProfileBadInputs {
    private FeederAndProfileBadInputs() {}

    static void addTo(List<BadInputCorpusTest.Case> c) throws Exception {
        // --- parameter specs and the generator ----------------------------------------------------------------------
        TableProfile orders = orders();
        c.add(bad("parameter name not an identifier", "'1st'", () -> ParameterSpec.choice("1st", List.of(1))));
        c.add(bad(
                "unknown strategy in a spec map",
                "'guess'",
                () -> ParameterSpec.fromMap(Map.of("name", "p", "strategy", "guess"))));
        c.add(bad(
                "unknown type in a spec map",
                "'colour'",
                () -> ParameterSpec.fromMap(
                        Map.of("name", "p", "strategy", "choice", "type", "colour", "values", List.of(1)))));
        c.add(bad(
                "values not a list in a spec map",
                "parameter 'p'",
                () -> ParameterSpec.fromMap(Map.of("name", "p", "strategy", "choice", "values", "a,b"))));
        c.add(bad("sample_list counts reversed", "parameter 'ids'", () -> sampleList("ids", "order_id", 5, 2)));
        c.add(bad(
                "offset that is not a number",
                "parameter 'to'",
                () -> ParameterSpec.fromMap(Map.of(
                        "name",
                        "to",
                        "strategy",
                        "offset_from_previous",
                        "depends_on",
                        "from",
                        "offset",
                        List.of("week")))));
        c.add(bad(
                "dependency cycle",
                "a -> b",
                () -> generator(
                        orders,
                        ParameterSpec.offsetFromPrevious("a", "b", 1),
                        ParameterSpec.offsetFromPrevious("b", "a", 1))));
        c.add(bad(
                "depends_on an undeclared parameter",
                "'nowhere'",
                () -> generator(orders, ParameterSpec.offsetFromPrevious("to", "nowhere", 1))));
        c.add(bad(
                "duplicate parameter name",
                "'x'",
                () -> generator(orders, ParameterSpec.choice("x", List.of(1)), ParameterSpec.choice("x", List.of(2)))));
        c.add(bad("unknown column", "'nope'", () -> generator(orders, ParameterSpec.randomInRange("p", "nope"))));
        c.add(bad(
                "unknown table.column",
                "'customers.id'",
                () -> generator(orders, ParameterSpec.sampleFromTable("p", "customers.id"))));
        c.add(bad(
                "random_in_range on a text column",
                "category",
                () -> generator(orders, ParameterSpec.randomInRange("p", "category"))));
        c.add(bad(
                "declared type contradicting the column",
                "parameter 'd'",
                () -> generator(
                        orders, ParameterSpec.randomInRange("d", "order_date").type(ParamType.NUMERIC))));
        c.add(bad(
                "weighted_sample on an all-NULL column",
                "gone",
                () -> generator(orders, ParameterSpec.weightedSample("p", "gone"))));
        c.add(bad(
                "sequence on a date column",
                "order_date",
                () -> generator(orders, ParameterSpec.sequence("p", "order_date"))));
        c.add(bad(
                "unknown pool",
                "'regions'",
                () -> generator(orders, ParameterSpec.sampleFromPool("p", "regions", PoolOrdering.RANDOM))));
        c.add(bad("empty pool", "pool 'empty'", () -> Pool.of("empty", List.of())));
        c.add(bad(
                "pool smaller than the worker count",
                "pool 'few'",
                () -> ParameterGenerator.builder()
                        .pools(Pool.of("few", List.of(1, 2)))
                        .worker(0, 3)
                        .parameters(ParameterSpec.sampleFromPool("p", "few", PoolOrdering.CIRCULAR))
                        .build()));
        c.add(bad(
                "offset base that is text",
                "'base'",
                () -> generator(
                        orders,
                        ParameterSpec.weightedSample("base", "category"),
                        ParameterSpec.offsetFromPrevious("to", "base", 1))));

        // --- profiles and snapshots ----------------------------------------------------------------------------------
        Path corrupt = write("corrupt.yaml", "format: 1\ntable: [unclosed\n");
        c.add(bad("snapshot that is not YAML", "corrupt.yaml", () -> ProfileSnapshots.load(corrupt)));
        Path v2 = write("v2.yaml", ProfileSnapshots.render(orders).replace("format: 1", "format: 2"));
        c.add(bad("snapshot of an unknown format version", "v2.yaml", () -> ProfileSnapshots.load(v2)));
        Path noColumns = write("nocols.yaml", "format: 1\ntable: orders\ndialect: postgresql\ntotalRows: 10\n");
        c.add(bad("snapshot without columns", "nocols.yaml", () -> ProfileSnapshots.load(noColumns)));
        Path badType = write("badtype.yaml", ProfileSnapshots.render(orders).replace("type: integer", "type: bigint"));
        c.add(bad("snapshot with an unknown column type", "badtype.yaml", () -> ProfileSnapshots.load(badType)));
        Path badMode = write(
                "badmode.yaml", ProfileSnapshots.render(orders).replaceFirst("mode: statistics", "mode: guessed"));
        c.add(bad("snapshot with an unknown profile mode", "badmode.yaml", () -> ProfileSnapshots.load(badMode)));
        Path badValue = write("badvalue.yaml", ProfileSnapshots.render(orders).replace("'2024-01-01'", "'Jan 1st'"));
        c.add(bad("snapshot with a date that does not parse", "badvalue.yaml", () -> ProfileSnapshots.load(badValue)));
        Path missingKey = write(
                "nodistinct.yaml", ProfileSnapshots.render(orders).replaceFirst("\n    distinctCount: [0-9]+", ""));
        c.add(bad("snapshot column without distinctCount", "nodistinct.yaml", () -> ProfileSnapshots.load(missingKey)));
        c.add(bad(
                "snapshot file that does not exist",
                "absent.yaml",
                () -> ProfileSnapshots.load(dir.resolve("absent.yaml"))));
        c.add(bad(
                "no snapshot and no database",
                "offline.yaml",
                () -> ProfileSnapshots.loadOrProfile(
                        dir, "offline", List.of("id"), false, new PostgresDialect(), null, ProfileOptions.DEFAULTS)));
        c.add(bad("snapshot table name with a path", "'../etc'", () -> ProfileSnapshots.file(dir, "../etc")));
        c.add(bad("profile sample size 0", "sampleSize", () -> ProfileOptions.DEFAULTS.sampleSize(0)));
        c.add(bad(
                "profiling an unknown table",
                "'no_such_table'",
                () -> new PostgresDialect()
                        .profiler()
                        .profile(connection, "no_such_table", List.of("id"), ProfileOptions.DEFAULTS)));
        c.add(bad(
                "profiling an unknown column",
                "'no_such_column'",
                () -> new PostgresDialect()
                        .profiler()
                        .profile(connection, "small", List.of("no_such_column"), ProfileOptions.DEFAULTS)));
        c.add(bad(
                "parameters drawn from an empty table",
                "empty_table",
                () -> ParameterGenerator.builder()
                        .profiles(new PostgresDialect()
                                .profiler()
                                .profile(connection, "empty_table", List.of("id", "label"), ProfileOptions.DEFAULTS))
                        .parameters(ParameterSpec.sampleFromTable("p", "label"))
                        .build()));
    }
}
