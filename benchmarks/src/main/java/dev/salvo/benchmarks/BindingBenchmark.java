package dev.salvo.benchmarks;

import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.feeders.Strategies;
import dev.salvo.feeders.Tuple;
import dev.salvo.runtime.SqlRequest;
import dev.salvo.runtime.internal.PreparedRequest;
import dev.salvo.sql.NamedSql;
import dev.salvo.sql.PostgresDialect;
import dev.salvo.sql.QueryKind;
import io.gatling.javaapi.core.Session;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-request parameter work of {@link PreparedRequest}, the runtime's resolved request: evaluating the binders or
 * drawing the profile-backed tuple ({@code bind}), then choosing the JDBC SQL for the values ({@code jdbcSql}: the
 * cached string, or an {@code IN (?, ?, ...)} expansion when a value is a list). Binding to a {@code PreparedStatement}
 * is left out (the driver's {@code setObject}, package-private in the runtime). {@code parse} is for reference: it
 * happens once per request name when the simulation is built.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BindingBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class BindingBenchmark {
    private static final String LOOKUP_SQL =
            "SELECT order_id, customer_id, category, status, order_date, amount FROM orders WHERE order_id = :id";
    private static final String RANGE_SQL =
            "SELECT order_id, amount FROM orders WHERE order_date >= :from AND order_date < CAST(:from AS date) + 3"
                    + " AND category = :category";
    private static final String IN_SQL =
            "SELECT order_id, amount FROM orders WHERE order_date >= :from AND order_date < :to AND category IN (:cats)";

    private final ParameterStrategy<Long> ids = Strategies.randomLong(1, 200_000);
    private final ParameterStrategy<LocalDate> dates =
            Strategies.randomDate(LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 28));

    /** The end-to-end benchmark's request: one DSL value source. */
    private final PreparedRequest lookup = new PreparedRequest(
            SqlRequest.of(
                    "lookup",
                    QueryKind.POINT_LOOKUP,
                    LOOKUP_SQL,
                    Map.<String, Function<Session, ?>>of("id", s -> ids.next(ThreadLocalRandom.current()))),
            new PostgresDialect());

    /** Two binders, one used twice in the SQL (evaluated once). */
    private final PreparedRequest range = new PreparedRequest(
            SqlRequest.of(
                    "range",
                    QueryKind.RANGE_SCAN,
                    RANGE_SQL,
                    Map.<String, Function<Session, ?>>of(
                            "from", s -> dates.next(ThreadLocalRandom.current()),
                            "category", s -> "books")),
            new PostgresDialect());

    /** Profile-backed: a date window and a list of 1-5 categories drawn by the generator, expanded into IN (...). */
    private final PreparedRequest inList;

    /** Profile-backed point lookup: the key drawn by the generator, into a tuple reused request after request. */
    private final PreparedRequest profiledLookup;

    private final Tuple reused;

    private final Tuple scalarValues;
    private final Tuple listValues;

    public BindingBenchmark() {
        List<ParameterSpec> specs = List.of(
                ParameterSpec.randomInRange("from", "order_date"),
                ParameterSpec.offsetFromPrevious("to", "from", 1, 7, 30),
                ParameterSpec.sampleList("cats", "category", 1, 5));
        ParameterGenerator generator = ParameterGenerator.builder()
                .profiles(Profiles.snapshot("orders"))
                .seed(42)
                .parameters(specs)
                .build();
        inList = new PreparedRequest(
                SqlRequest.of("in", QueryKind.RANGE_SCAN, IN_SQL, Map.of(), specs), new PostgresDialect(), generator);
        List<ParameterSpec> keySpec = List.of(ParameterSpec.randomInRange("id", "order_id"));
        profiledLookup = new PreparedRequest(
                SqlRequest.of("profiled lookup", QueryKind.POINT_LOOKUP, LOOKUP_SQL, Map.of(), keySpec),
                new PostgresDialect(),
                ParameterGenerator.builder()
                        .profiles(Profiles.snapshot("orders"))
                        .seed(42)
                        .parameters(keySpec)
                        .build());
        reused = profiledLookup.newValues();
        scalarValues = range.bind(null);
        listValues = new Tuple(3);
        listValues.set(0, LocalDate.of(2024, 3, 1));
        listValues.set(1, LocalDate.of(2024, 3, 8));
        listValues.set(2, List.of("books", "toys", "music", "garden"));
    }

    /** @return the values of the end-to-end lookup (one random key) */
    @Benchmark
    public Tuple bindLookup() {
        return lookup.bind(null);
    }

    /** @return the profile-backed lookup's key drawn into a reused tuple, as a tight loop binds it (a primitive) */
    @Benchmark
    public Tuple bindProfiledLookupReused() {
        profiledLookup.bind(null, reused);
        return reused;
    }

    /** @return the values of a request with two binders, one placeholder repeated */
    @Benchmark
    public Tuple bindRange() {
        return range.bind(null);
    }

    /** @return the values of a request drawn from profiles (date, date + offset, list of categories) */
    @Benchmark
    public Tuple bindGenerated() {
        return inList.bind(null);
    }

    /** @return the JDBC SQL when no value is a list: the cached string */
    @Benchmark
    public String jdbcSqlScalar() {
        return range.jdbcSql(scalarValues);
    }

    /** @return the JDBC SQL with {@code IN (:cats)} expanded for a 4-element list */
    @Benchmark
    public String jdbcSqlInList() {
        return inList.jdbcSql(listValues);
    }

    /** @return a fresh draw and its SQL: what one profile-backed IN-list request costs before the driver */
    @Benchmark
    public String bindAndExpand() {
        return inList.jdbcSql(inList.bind(null));
    }

    /** @return the DSL's plain value source alone ({@code randomLong(1, 200_000)}: one boxed Long) */
    @Benchmark
    public Long dslRandomLong() {
        return ids.next(ThreadLocalRandom.current());
    }

    /** @return the parsed statement (once per request name per run, for reference) */
    @Benchmark
    public NamedSql parse() {
        return NamedSql.parse(RANGE_SQL);
    }
}
