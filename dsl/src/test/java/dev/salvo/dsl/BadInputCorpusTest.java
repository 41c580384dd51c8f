package dev.salvo.dsl;

import static dev.salvo.dsl.SqlDsl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.sql.EmbeddedDatabase;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.ColumnType;
import dev.salvo.sql.profile.ProfileMode;
import dev.salvo.sql.profile.TableProfile;
import dev.salvo.sql.profile.ValueFrequency;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus (issue 8, item 4): every entry is a mistake a user can make in the DSL, in parameter specs, in
 * profile snapshots and profiling (the {@code salvo} command line's corpus is the cli module's
 * BadCommandLineCorpusTest). Each must be refused before any load with one line that names the culprit and states the rule ({@code <where>: <what> must be <rule>, but was <value>}), and
 * nothing else may be printed (no stack trace).
 */
class BadInputCorpusTest {
    static Path dir;
    static EmbeddedDatabase db;
    static Connection connection;

    /**
     * One bad input.
     *
     * @param name what is wrong (the test's display name)
     * @param message produces the one-line message the user sees (a SalvoException's, or the CLI's stderr)
     * @param culprit text the message must contain to name the culprit
     */
    record Case(String name, Callable<String> message, String culprit) {
        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    static void setUp() throws Exception {
        dir = Files.createTempDirectory(Path.of("target"), "bad-input-");
        db = EmbeddedDatabase.start(Path.of("target", "bad-input-pg"));
        connection = DriverManager.getConnection(db.jdbcUrl());
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE empty_table (id integer, label text)");
            st.execute("CREATE TABLE small (id integer PRIMARY KEY, label text)");
            st.execute("INSERT INTO small SELECT i, 'l' || i FROM generate_series(1, 100) i");
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        connection.close();
        db.close();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A DSL, spec or profile step that must throw a SalvoException. */
    static Case bad(String name, String culprit, Runnable step) {
        return new Case(
                name,
                () -> {
                    try {
                        step.run();
                    } catch (SalvoException e) {
                        return e.getMessage();
                    }
                    throw new AssertionError("no SalvoException for: " + name);
                },
                culprit);
    }

    static Stream<Case> corpus() throws Exception {
        List<Case> c = new ArrayList<>();
        SqlRequestBuilder ok = sql("ok").query("SELECT 1");

        // --- DSL: names, SQL, kinds, parameters
        // -----------------------------------------------------------------------
        c.add(bad(
                "blank request name",
                "request name",
                () -> sql(" ").query("SELECT 1").asScala()));
        c.add(bad(
                "null request name",
                "request name",
                () -> sql(null).query("SELECT 1").asScala()));
        c.add(bad("null kind", "request 'k'", () -> request(null, "k")));
        c.add(bad("unknown kind string", "'lookup'", () -> queryKind("lookup")));
        c.add(bad(
                "blank SQL", "request 'blank'", () -> sql("blank").query("   ").asScala()));
        c.add(bad(
                "unterminated string literal",
                "request 'quote'",
                () -> sql("quote").query("SELECT * FROM t WHERE a = 'x").asScala()));
        c.add(bad(
                "unterminated comment",
                "request 'comment'",
                () -> sql("comment").query("SELECT 1 /* open").asScala()));
        c.add(bad("generic request given a table", "request 'g'", () -> sql("g").table("orders")));
        c.add(bad(
                "shape method on explicit SQL",
                "request 'q'",
                () -> sql("q").query("SELECT 1").key("id")));
        c.add(bad(
                "range scan without its range column",
                "request 'r'",
                () -> rangeScan("r").table("orders").asScala()));
        c.add(bad(
                "insert without columns",
                "request 'i'",
                () -> insert("i").table("orders").asScala()));
        c.add(bad(
                "insert column unusable as parameter name",
                "request 'w'",
                () -> insert("w").table("orders").columns("two words").asScala()));
        c.add(bad(
                "empty table name",
                "request 'e'",
                () -> pointLookup("e").table("").key("id").asScala()));
        c.add(bad(
                "parameter bound twice",
                "'a'",
                () -> sql("twice").query("SELECT :a").param("a", 1).param("a", 2)));
        c.add(bad(
                "parameter in SQL never bound",
                "[id]",
                () -> sql("unbound").query("SELECT :id").asScala()));
        c.add(bad(
                "bound parameter unused in SQL",
                "[extra]",
                () -> sql("unused").query("SELECT 1").param("extra", 1).asScala()));
        c.add(bad(
                "spec and param bind the same name",
                "'id'",
                () -> sql("both")
                        .query("SELECT :id")
                        .param("id", 1)
                        .params(randomNumeric("id", 1, 2))
                        .asScala()));
        c.add(bad("randomLong with max < min", "randomLong", () -> randomLong(10, 1)));
        c.add(bad(
                "randomDate with max before min",
                "randomDate",
                () -> randomDate(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 1, 1))));

        // --- DSL: mixes, transactions, SLOs --------------------------------------------------------------------------
        c.add(bad(
                "percentages not summing to 100",
                "mix 'm'",
                () -> mix("m").percentages()
                        .add(60, ok)
                        .add(30, sql("b").query("SELECT 2"))
                        .asScala()));
        c.add(bad(
                "mix with a negative weight",
                "mix 'neg'",
                () -> mix("neg").add(-1, ok).asScala()));
        c.add(bad("mix with no requests", "mix 'none'", () -> mix("none").asScala()));
        c.add(bad(
                "transaction without statements",
                "transaction 't'",
                () -> transaction("t").asScala()));
        c.add(bad(
                "transaction with a bad statement",
                "request 'bad stmt'",
                () -> transaction("tx")
                        .statements(sql("bad stmt").query("SELECT :x"))
                        .asScala()));
        c.add(bad(
                "SLO p99 below p95",
                "request 'slo'",
                () -> sql("slo").query("SELECT 1").slo(200, 100)));
        c.add(bad(
                "SLO zero p95",
                "request 'zero'",
                () -> sql("zero").query("SELECT 1").slo(0, 100)));
        c.add(bad(
                "maxErrorRate above 1",
                "request 'rate'",
                () -> sql("rate").query("SELECT 1").maxErrorRate(1.5)));
        c.add(bad(
                "tightLoop with zero duration",
                "'loop'",
                () -> tightLoop(Duration.ZERO, sql("loop").query("SELECT 1"))));

        // --- DSL: protocol settings ----------------------------------------------------------------------------------
        c.add(bad("poolSize 0", "poolSize", () -> database().poolSize(0)));
        c.add(bad("poolSize 100000", "poolSize", () -> database().poolSize(100_000)));
        c.add(bad("URL not starting with jdbc:", "salvo.url", () -> database().url("postgres://x")));
        c.add(bad(
                "URL of an unsupported database", "jdbc:mysql", () -> database().url("jdbc:mysql://x/y")));
        c.add(bad(
                "connectionTimeout below 250 ms",
                "connectionTimeout",
                () -> database().connectionTimeout(Duration.ofMillis(10))));
        c.add(bad("negative warmup", "warmup", () -> database().warmup(Duration.ofSeconds(-1))));
        c.add(bad("negative queryTimeout", "queryTimeout", () -> database().queryTimeout(Duration.ofSeconds(-5))));
        c.add(bad("worker index beyond count", "worker", () -> database().worker(3, 2)));
        c.add(bad("worker count 0", "worker", () -> database().worker(0, 0)));

        FeederAndProfileBadInputs.addTo(c);

        // the salvo command line's corpus lives with the command line: cli/.../BadCommandLineCorpusTest
        return c.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRefusedWithOneLineNamingTheCulpritAndTheRule(Case bad) throws Exception {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        String message;
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            message = bad.message().call();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .as("printed besides the message (stack traces)")
                .isEmpty();
        assertThat(message)
                .as("message")
                .isNotBlank()
                .doesNotContain("\n")
                .doesNotContain("\r")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(message).as("names the culprit").contains(bad.culprit());
        if (!message.matches(".+: .*\\bmust\\b.*, but .+")) {
            fail("message does not follow '<where>: <what> must be <rule>, but was <value>': " + message);
        }
        System.out.println("[corpus] " + bad.name() + " -> " + message);
    }

    // ---------------------------------------------------------------------------------------------------------------

    static ParameterGenerator generator(TableProfile profile, ParameterSpec... specs) {
        return ParameterGenerator.builder().profiles(profile).parameters(specs).build();
    }

    static Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    static TableProfile orders() {
        return TableProfile.of(
                "orders",
                "postgresql",
                1000,
                List.of(
                        new ColumnProfile(
                                "order_id",
                                ColumnType.INTEGER,
                                1L,
                                1000L,
                                1000,
                                0,
                                1000,
                                List.of(1L, 2L, 3L),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "category",
                                ColumnType.TEXT,
                                "books",
                                "toys",
                                3,
                                0,
                                1000,
                                List.of("books", "toys", "garden"),
                                List.of(new ValueFrequency("books", 0.5), new ValueFrequency("toys", 0.3)),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "order_date",
                                ColumnType.DATE,
                                LocalDate.of(2024, 1, 1),
                                LocalDate.of(2024, 12, 31),
                                366,
                                0,
                                1000,
                                List.of(LocalDate.of(2024, 3, 1)),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS),
                        new ColumnProfile(
                                "gone",
                                ColumnType.TEXT,
                                null,
                                null,
                                0,
                                1000,
                                1000,
                                List.of(),
                                List.of(),
                                List.of(),
                                ProfileMode.STATISTICS)));
    }
}
