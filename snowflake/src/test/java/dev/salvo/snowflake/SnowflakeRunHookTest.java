package dev.salvo.snowflake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.salvo.dsl.ForkedGatling;
import dev.salvo.reports.ResultsFiles;
import dev.salvo.reports.RunResults;
import dev.salvo.reports.SnowflakeResults;
import dev.salvo.runtime.RunContext;
import dev.salvo.sql.DatabaseSettings;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.SessionSetup;
import dev.salvo.sql.SnowflakeSettings;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Snowflake end-of-run hook through its real code paths (poller, history reading with its count-then-read SQL, the
 * join, the section, the report), against a FAKE Snowflake: an executor answering SHOW WAREHOUSES and the query
 * history with rows CONSTRUCTED from the columns Snowflake documents (none captured from an account). The client side
 * is a REAL results directory from a forked Gatling run on the embedded PostgreSQL.
 */
class SnowflakeRunHookTest {
    private static final String BY_ID = "SELECT * FROM orders WHERE order_id = ?";
    private static final String COUNT = "SELECT count(*) FROM orders WHERE order_id < ?";
    private static Path template;
    private static long byId;
    private static long count;

    @BeforeAll
    static void aRealRun() throws Exception {
        ForkedGatling.Run run = ForkedGatling.run(SectionSimulation.class);
        assertThat(run.exitCode()).as(run.output()).isIn(0, 1); // 1: a default SLO breached on a loaded machine
        template = run.salvoRun();
        RunResults r = ResultsFiles.read(template);
        byId = r.requests().stream()
                .filter(x -> x.name().equals("by id"))
                .findFirst()
                .orElseThrow()
                .count();
        count = r.requests().stream()
                .filter(x -> x.name().equals("count"))
                .findFirst()
                .orElseThrow()
                .count();
    }

    /** A copy of the real run directory per test. */
    private static Path runDirectory(String name) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), name + "-").resolve(template.getFileName());
        Files.createDirectories(dir.resolve("histograms"));
        try (var files = Files.walk(template)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, dir.resolve(template.relativize(p).toString()));
            }
        }
        return dir;
    }

    private static RunContext context(String runId, String dialect, String warehouse) {
        Map<String, String> sql = new ConcurrentHashMap<>();
        sql.put("by id", BY_ID);
        sql.put("count", COUNT);
        SnowflakeSettings sf = new SnowflakeSettings(warehouse, "SHOP", "PUBLIC", null, null, null, false, 60);
        return new RunContext(
                runId,
                dialect,
                DatabaseSettings.of("jdbc:snowflake://acct.snowflakecomputing.com", "BENCH", "secret", sf),
                new SessionSetup(runId, 0, Duration.ZERO, false),
                Instant.parse("2026-12-01T10:00:00Z"),
                sql);
    }

    /** A query history row with the documented columns of QUERY_HISTORY_BY_USER. */
    private static Map<String, Object> historyRow(
            String runId, String request, String text, long elapsed, long compilation, long execution) {
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.put("QUERY_ID", "01b2c3d4-0000-0000-0000-" + request.hashCode());
        row.put("QUERY_TEXT", text);
        row.put("QUERY_TYPE", "SELECT");
        row.put("QUERY_TAG", "{\"salvo\":\"" + runId + "\",\"worker\":0,\"request\":\"" + request + "\"}");
        row.put("EXECUTION_STATUS", "SUCCESS");
        row.put("WAREHOUSE_NAME", "BENCH_WH");
        row.put("WAREHOUSE_SIZE", "X-Small");
        row.put("CLUSTER_NUMBER", 1L);
        row.put("START_TIME", Timestamp.from(Instant.parse("2026-12-01T10:00:10Z")));
        row.put("END_TIME", Timestamp.from(Instant.parse("2026-12-01T10:00:10Z").plusMillis(elapsed)));
        row.put("TOTAL_ELAPSED_TIME", elapsed);
        row.put("COMPILATION_TIME", compilation);
        row.put("QUEUED_PROVISIONING_TIME", 0L);
        row.put("QUEUED_REPAIR_TIME", 0L);
        row.put("QUEUED_OVERLOAD_TIME", 2L);
        row.put("TRANSACTION_BLOCKED_TIME", 0L);
        row.put("EXECUTION_TIME", execution);
        row.put("BYTES_SCANNED", 4096L);
        row.put("PERCENTAGE_SCANNED_FROM_CACHE", 0.5);
        row.put("PARTITIONS_SCANNED", 1L);
        row.put("PARTITIONS_TOTAL", 10L);
        row.put("BYTES_SPILLED_TO_LOCAL_STORAGE", 0L);
        row.put("BYTES_SPILLED_TO_REMOTE_STORAGE", 0L);
        row.put("ROWS_PRODUCED", 1L);
        row.put("CREDITS_USED_CLOUD_SERVICES", 0.000001);
        return row;
    }

    /** A SHOW WAREHOUSES row (documented output columns). */
    private static Map<String, Object> warehouseRow(int running, int queued) {
        Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        row.put("name", "BENCH_WH");
        row.put("state", "STARTED");
        row.put("type", "STANDARD");
        row.put("size", "X-Small");
        row.put("min_cluster_count", 1L);
        row.put("max_cluster_count", 1L);
        row.put("started_clusters", 1L);
        row.put("running", (long) running);
        row.put("queued", (long) queued);
        row.put("auto_suspend", 60L);
        return row;
    }

    /** A fake Snowflake: answers by statement, records what it was sent. */
    static final class FakeSnowflake implements SnowflakeRunHook.Database {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        final List<Object[]> historyBinds = Collections.synchronizedList(new ArrayList<>());
        final List<Object[]> loadBinds = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger shows = new AtomicInteger();
        final AtomicInteger historyReads = new AtomicInteger();
        final List<List<Map<String, Object>>> answers;
        final SQLException historyFailure;
        volatile boolean closed;

        FakeSnowflake(List<List<Map<String, Object>>> answers, SQLException historyFailure) {
            this.answers = answers;
            this.historyFailure = historyFailure;
        }

        @Override
        public List<Map<String, Object>> query(String sql, Object... binds) throws SQLException {
            sent.add(sql);
            if (sql.startsWith("SHOW WAREHOUSES")) {
                int n = shows.incrementAndGet();
                return List.of(warehouseRow(3 + n, n == 1 ? 0 : 2));
            }
            if (sql.contains("WAREHOUSE_LOAD_HISTORY")) {
                loadBinds.add(binds);
                return loadHistory((long) binds[0]);
            }
            if (historyFailure != null) {
                throw historyFailure;
            }
            List<Map<String, Object>> answer = answers.get(Math.min(historyReads.get(), answers.size() - 1));
            if (sql.startsWith("SELECT COUNT(*)")) {
                Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                row.put("QUERIES", (long) answer.size());
                return List.of(row);
            }
            historyReads.incrementAndGet();
            historyBinds.add(binds);
            return answer;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /**
     * Two 5-second intervals of WAREHOUSE_LOAD_HISTORY from {@code from}: rows CONSTRUCTED from the function's documented
     * columns (TIMESTAMP_LTZ times, NUMBER(38,9) loads), not captured.
     */
    static List<Map<String, Object>> loadHistory(long from) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Map<String, Object> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            row.put("START_TIME", new java.sql.Timestamp(from + i * 5_000L));
            row.put("END_TIME", new java.sql.Timestamp(from + (i + 1) * 5_000L));
            row.put("WAREHOUSE_ID", 7L);
            row.put("WAREHOUSE_NAME", "BENCH_WH");
            row.put("AVG_RUNNING", new java.math.BigDecimal(i == 0 ? "2.500000000" : "3.750000000"));
            row.put("AVG_QUEUED_LOAD", new java.math.BigDecimal(i == 0 ? "0.000000000" : "0.400000000"));
            row.put("AVG_QUEUED_PROVISIONING", new java.math.BigDecimal(i == 0 ? "0.200000000" : "0.000000000"));
            row.put("AVG_BLOCKED", new java.math.BigDecimal("0.000000000"));
            rows.add(row);
        }
        return rows;
    }

    private static List<Map<String, Object>> history(String runId, long idQueries, long countQueries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        // the same text for both requests: only the per-request tag can tell them apart
        for (int i = 0; i < idQueries; i++) {
            rows.add(historyRow(runId, "by id", "SELECT 1", 40, 10, 20));
        }
        for (int i = 0; i < countQueries; i++) {
            rows.add(historyRow(runId, "count", "SELECT 1", 80, 30, 40));
        }
        return rows;
    }

    private static void awaitFirstPoll(FakeSnowflake fake) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (fake.shows.get() == 0 && System.nanoTime() < deadline) { // the poller's thread polls at once
            Thread.sleep(10);
        }
        assertThat(fake.shows.get())
                .as("the poller polled when the run started")
                .isEqualTo(1);
    }

    @Test
    void writesSnowflakeJsonJoinedByRequestTagAndRegeneratesTheReport() throws Exception {
        Path dir = runDirectory("hook");
        String runId = dir.getFileName().toString();
        FakeSnowflake fake =
                new FakeSnowflake(List.of(history(runId, byId - 1, count), history(runId, byId, count)), null);
        AtomicLong clock = new AtomicLong(1_000_000);
        List<Long> slept = new ArrayList<>();
        SnowflakeRunHook hook = new SnowflakeRunHook(
                run -> fake,
                Map.of("pollSeconds", "3600", "pricePerCredit", "2.5", "historyWaitSeconds", "90"),
                clock::get,
                ms -> {
                    slept.add(ms);
                    clock.addAndGet(ms);
                });
        RunContext run = context(runId, "snowflake", "BENCH_WH");
        assertThat(hook.start(run)).isTrue();
        assertThat(hook.tagsStatements()).isTrue();
        awaitFirstPoll(fake);
        clock.addAndGet(60_000); // the run took 60 s by the hook's clock
        hook.finish(run, dir);
        hook.close();

        assertThat(fake.closed).isTrue();
        assertThat(fake.historyReads.get())
                .as("read again while the history missed one query")
                .isEqualTo(2);
        assertThat(fake.historyBinds.get(0))
                .containsExactly(Instant.parse("2026-12-01T09:59:00Z").toEpochMilli(), 1_060_000L + 60_000, runId);
        assertThat(fake.sent).contains("SHOW WAREHOUSES LIKE 'BENCH_WH'");
        SnowflakeResults s = SnowflakeResults.read(dir).orElseThrow();
        assertThat(s.runId()).isEqualTo(runId);
        assertThat(s.resultCache()).isNull(); // a PostgreSQL run recorded none; a Snowflake run records on/off
        assertThat(s.requests()).extracting(SnowflakeResults.Request::request).containsExactly("by id", "count");
        SnowflakeResults.Request first = s.requests().get(0);
        assertThat(first.clientCount()).isEqualTo(byId);
        assertThat(first.snowflake().queries()).isEqualTo(byId);
        assertThat(first.snowflake().meanCompilationMillis()).isEqualTo(10.0);
        assertThat(first.snowflake().meanExecutionMillis()).isEqualTo(20.0);
        assertThat(first.snowflake().meanQueuedOverloadMillis()).isEqualTo(2.0);
        assertThat(first.snowflake().scannedFromCache()).isEqualTo(0.5);
        assertThat(s.requests().get(1).snowflake().queries()).isEqualTo(count);
        assertThat(s.requests().get(1).snowflake().elapsedP50Millis()).isEqualTo(80);
        // two samples, STARTED at 1,000,000 and 1,060,000 ms, AUTO_SUSPEND 60 s: 120 cluster-seconds of X-Small
        assertThat(s.warehouse())
                .extracting(SnowflakeResults.Warehouse::running)
                .containsExactly(4, 5);
        assertThat(s.warehouse()).extracting(SnowflakeResults.Warehouse::queued).containsExactly(0, 2);
        assertThat(s.cost().billedClusterSeconds()).isEqualTo(120);
        assertThat(s.cost().credits()).isCloseTo(120 / 3600.0, within(1e-12));
        assertThat(s.cost().price()).isCloseTo(2.5 * 120 / 3600.0, within(1e-12));
        assertThat(s.cost().creditsPer1000Queries()).isCloseTo(120 / 3600.0 * 1000 / (byId + count), within(1e-12));
        assertThat(s.cost().pricePer1000Queries()).isCloseTo(2.5 * 120 / 3600.0 * 1000 / (byId + count), within(1e-12));
        // split by execution time: by id 20 ms each, count 40 ms each
        double share = 20.0 * byId / (20.0 * byId + 40.0 * count);
        assertThat(s.cost().creditsByKind().get("POINT_LOOKUP")).isCloseTo(share * 120 / 3600.0, within(1e-12));
        assertThat(Files.readString(dir.resolve("index.html")))
                .contains("<section id=\"snowflake\"><h2>Snowflake</h2>")
                .contains("id=\"chart-snowflake-warehouse\"");
        assertThat(ResultsFiles.read(dir).formatVersion())
                .as("results.json untouched")
                .isEqualTo(3);

        // WAREHOUSE_LOAD_HISTORY for the run's window, read a minute after the run's end (documented accuracy)
        assertThat(fake.loadBinds)
                .singleElement()
                .satisfies(b -> assertThat(b)
                        .containsExactly(Instant.parse("2026-12-01T10:00:00Z").toEpochMilli(), 1_060_000L, "BENCH_WH"));
        assertThat(slept.stream().mapToLong(Long::longValue).sum()).isEqualTo(60_000);
        assertThat(s.warehouseName()).isEqualTo("BENCH_WH");
        long t = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
        assertThat(s.warehouseLoad())
                .containsExactly(
                        new SnowflakeResults.Load(t, t + 5_000, 2.5, 0, 0.2, 0),
                        new SnowflakeResults.Load(t + 5_000, t + 10_000, 3.75, 0.4, 0, 0));
        assertThat(s.estimates()).noneMatch(e -> e.startsWith("warehouseLoad"));
        assertThat(Files.readString(dir.resolve("index.html"))).contains("id=\"chart-snowflake-load\"");
    }

    @Test
    void declinesARunOnAnotherDatabaseWithoutConnecting() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        SnowflakeRunHook hook = new SnowflakeRunHook(
                run -> {
                    opened.incrementAndGet();
                    return null;
                },
                Map.of(),
                System::currentTimeMillis);
        assertThat(hook.start(context("R", "postgresql", "WH"))).isFalse();
        assertThat(opened.get()).isZero();
    }

    @Test
    void aFailingHistoryFailsTheHookWithOneLineAndWritesNothing() throws Exception {
        Path dir = runDirectory("failing");
        FakeSnowflake fake = new FakeSnowflake(List.of(List.of()), new SQLException("Object does not exist", "02000"));
        SnowflakeRunHook hook =
                new SnowflakeRunHook(run -> fake, Map.of("pollSeconds", "0"), System::currentTimeMillis);
        RunContext run = context(dir.getFileName().toString(), "snowflake", "BENCH_WH");
        hook.start(run);
        assertThatThrownBy(() -> hook.finish(run, dir))
                .isInstanceOf(SalvoException.class)
                .hasMessage(
                        "snowflake query history: reading user history must succeed, but Object does not exist (SQLSTATE 02000)");
        hook.close();
        assertThat(dir.resolve("snowflake.json")).doesNotExist();
        assertThat(fake.shows.get()).as("no poller with pollSeconds 0").isZero();
    }

    @Test
    void refusesBadSettingsInOneLine() {
        SnowflakeRunHook tags =
                new SnowflakeRunHook(run -> null, Map.of("requestTags", "yes"), System::currentTimeMillis);
        assertThatThrownBy(() -> tags.start(context("R", "snowflake", "WH")))
                .hasMessage("salvo.snowflake.requestTags: must be on or off, but was 'yes'");
        SnowflakeRunHook price =
                new SnowflakeRunHook(run -> null, Map.of("pricePerCredit", "-1"), System::currentTimeMillis);
        assertThatThrownBy(() -> price.start(context("R", "snowflake", "WH")))
                .hasMessage("salvo.snowflake.pricePerCredit: must be a number >= 0, but was '-1'");
    }

    @Test
    void tagsEachStatementWithItsRequestThroughTheDriversStatementParameter() throws Exception {
        SnowflakeRunHook hook = new SnowflakeRunHook(
                run -> new FakeSnowflake(List.of(List.of()), null),
                Map.of("pollSeconds", "0"),
                System::currentTimeMillis);
        hook.start(context("Sim-1", "snowflake", null));
        Map<String, Object> parameters = new TreeMap<>();
        Object snowflakeStatement = Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {net.snowflake.client.api.statement.SnowflakeStatement.class},
                (p, m, a) -> {
                    if (m.getName().equals("setParameter")) {
                        parameters.put((String) a[0], a[1]);
                    }
                    return null;
                });
        PreparedStatement ps = (PreparedStatement) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class},
                (p, m, a) -> m.getName().equals("unwrap") ? snowflakeStatement : null);
        hook.prepared(ps, "by id");
        assertThat(parameters)
                .containsExactly(Map.entry("QUERY_TAG", "{\"salvo\":\"Sim-1\",\"worker\":0,\"request\":\"by id\"}"));
        SnowflakeRunHook off = new SnowflakeRunHook(
                run -> new FakeSnowflake(List.of(List.of()), null),
                Map.of("pollSeconds", "0", "requestTags", "off"),
                System::currentTimeMillis);
        off.start(context("Sim-1", "snowflake", null));
        assertThat(off.tagsStatements()).isFalse();
        hook.close();
        off.close();
    }
}
