package dev.salvo.reports;

import dev.salvo.reports.RunResults.SloVerdict;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Deterministic runs for tests: no clock, no randomness. */
public final class TestRuns {
    public static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private TestRuns() {}

    /**
     * @param simulation name
     * @param poolSize pool size (config)
     * @param slowdown latency multiplier
     * @param qpsFactor request count multiplier
     * @return a run with 2 kinds, 3 request names, 6 intervals of 10 s after a 5 s warmup
     */
    public static RunData run(String simulation, int poolSize, double slowdown, double qpsFactor) {
        return run(simulation, poolSize, slowdown, qpsFactor, START, 0);
    }

    /**
     * @param simulation the simulation's name
     * @param runId the distributed run's id
     * @param index the worker's index
     * @param count the run's number of workers
     * @return one worker's run of a distributed run (started on time)
     */
    public static RunData worker(String simulation, String runId, int index, int count) {
        return builder(simulation, 8, 1, 1, START, index)
                .worker(runId, index, count, "2026-12-01T21:00:00Z", 12L, false)
                .build();
    }

    public static RunData run(
            String simulation, int poolSize, double slowdown, double qpsFactor, Instant start, int worker) {
        return builder(simulation, poolSize, slowdown, qpsFactor, start, worker).build();
    }

    static ResultsBuilder builder(
            String simulation, int poolSize, double slowdown, double qpsFactor, Instant start, int worker) {
        ResultsBuilder b = new ResultsBuilder(simulation, start)
                .measurementStartedAt(start.plusSeconds(5))
                .endedAt(start.plusSeconds(66))
                .database(new DatabaseInfo(
                        "postgresql", "PostgreSQL", "18.1", "jdbc:postgresql://db/x?password=***", false, poolSize))
                .environment(new Environment("abc123", "test", "17", "Linux", worker, 1, List.of()))
                .config("pool.size", poolSize)
                .config("injection.s", "open: ConstantRateOpenInjection(200.0,65 seconds)")
                .config("db.password", "hunter2")
                .profileHash("orders", "sha256:0f0f")
                .parameterSeed(42);
        String[][] names = {
            {"order by id", "POINT_LOOKUP"}, {"customer by id", "POINT_LOOKUP"}, {"orders in range", "RANGE_SCAN"}
        };
        Histogram[] totals = new Histogram[names.length];
        for (int i = 0; i < names.length; i++) {
            totals[i] = new Histogram(3);
        }
        long ko = 0;
        for (int interval = 0; interval < 6; interval++) {
            long end =
                    start.toEpochMilli() + 5_000 + (interval + 1) * 10_000L + (interval % 2) * 3; // jitter of a few ms
            for (int i = 0; i < names.length; i++) {
                Histogram h = new Histogram(3);
                int n = (int) ((100 + 50 * i) * qpsFactor);
                for (int k = 0; k < n; k++) {
                    h.recordValue((long) ((200_000 + 1_000L * ((k * 37 + interval * 11) % 400) * (i + 1)) * slowdown));
                }
                long intervalKo = i == 2 && interval == 3 ? 2 : 0;
                ko += intervalKo;
                b.interval(names[i][0], names[i][1], end, h, h, new Histogram(3), new Histogram(3), intervalKo);
                totals[i].add(h);
            }
        }
        for (int i = 0; i < names.length; i++) {
            long count = totals[i].getTotalCount();
            long failed = i == 2 ? ko : 0;
            SloVerdict slo = i == 0 ? new SloVerdict(100_000.0, 200_000.0, 0.01, true, List.of()) : null;
            b.request(new ResultsBuilder.Request(
                    names[i][0],
                    names[i][1],
                    count - failed,
                    failed,
                    failed == 0 ? Map.of() : Map.of("57014: canceling statement due to statement timeout", failed),
                    count * (i + 1),
                    count * 100,
                    50,
                    null,
                    totals[i],
                    totals[i],
                    new Histogram(3),
                    new Histogram(3),
                    slo));
        }
        return b;
    }

    /**
     * @return a run with one transaction ("tpcb", GENERIC, 100 executions, 2 failed at its second statement) and its two
     *     statements, plus a point lookup
     */
    static RunData transactionRun() {
        ResultsBuilder b =
                new ResultsBuilder("Tx", START).measurementStartedAt(START).endedAt(START.plusSeconds(10));
        Histogram tx = new Histogram(3);
        Histogram first = new Histogram(3);
        Histogram second = new Histogram(3);
        Histogram lookup = new Histogram(3);
        for (int i = 0; i < 100; i++) {
            tx.recordValue(3_000_000);
            first.recordValue(1_000_000);
            second.recordValue(i < 98 ? 1_900_000 : 1_000);
            lookup.recordValue(200_000);
        }
        long end = START.toEpochMilli() + 10_000;
        b.interval("tpcb", "GENERIC", end, tx, tx, new Histogram(3), new Histogram(3), 2);
        b.interval("by id", "POINT_LOOKUP", end, lookup, lookup, new Histogram(3), new Histogram(3), 0);
        String failure =
                "57P01: at statement 'update branches': FATAL: terminating connection due to administrator command";
        b.request(new ResultsBuilder.Request(
                "tpcb",
                "GENERIC",
                98,
                2,
                Map.of(failure, 2L),
                490,
                0,
                0,
                null,
                tx,
                tx,
                new Histogram(3),
                new Histogram(3),
                new SloVerdict(null, null, 0.05, true, List.of())));
        b.request(new ResultsBuilder.Request(
                "tpcb / update accounts",
                "UPDATE",
                100,
                0,
                Map.of(),
                100,
                0,
                0,
                null,
                first,
                first,
                new Histogram(3),
                new Histogram(3),
                null));
        b.request(new ResultsBuilder.Request(
                "tpcb / update branches",
                "UPDATE",
                98,
                2,
                Map.of("57P01: FATAL: terminating connection due to administrator command", 2L),
                98,
                0,
                0,
                null,
                second,
                second,
                new Histogram(3),
                new Histogram(3),
                null));
        b.request(new ResultsBuilder.Request(
                "by id",
                "POINT_LOOKUP",
                100,
                0,
                Map.of(),
                100,
                0,
                0,
                null,
                lookup,
                lookup,
                new Histogram(3),
                new Histogram(3),
                null));
        b.requestInfo(
                "tpcb",
                new RunResults.RequestInfo(
                        null, null, null, List.of("tpcb / update accounts", "tpcb / update branches"), 2));
        b.requestInfo(
                "tpcb / update accounts",
                new RunResults.RequestInfo(
                        "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2",
                        "0123456789ab",
                        "tpcb",
                        List.of(),
                        0));
        b.requestInfo(
                "tpcb / update branches",
                new RunResults.RequestInfo(
                        "UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2",
                        "ba9876543210",
                        "tpcb",
                        List.of(),
                        0));
        b.requestInfo(
                "by id",
                new RunResults.RequestInfo(
                        "SELECT * FROM orders WHERE order_id = $1", "00aa11bb22cc", null, List.of(), 0));
        return b.build();
    }

    /**
     * A run of randomly drawn (seeded) log-normal latencies: {@code lookups} POINT_LOOKUP requests of one row each and
     * {@code scans} RANGE_SCAN requests of {@code rowsPerScan} rows each, over 30 measured seconds.
     *
     * @param seed the random seed
     * @param slowdown latency multiplier of the POINT_LOOKUP kind
     */
    static RunData sampled(String simulation, long seed, int lookups, int scans, long rowsPerScan, double slowdown) {
        return sampled(simulation, seed, lookups, scans, rowsPerScan, slowdown, 1);
    }

    /**
     * {@link #sampled(String, long, int, int, long, double)} on a machine whose speed drifted: every latency of every kind
     * times {@code drift}.
     */
    static RunData sampled(
            String simulation, long seed, int lookups, int scans, long rowsPerScan, double slowdown, double drift) {
        java.util.Random random = new java.util.Random(seed);
        ResultsBuilder b = new ResultsBuilder(simulation, START)
                .measurementStartedAt(START.plusSeconds(5))
                .endedAt(START.plusSeconds(35))
                .database(new DatabaseInfo("postgresql", "PostgreSQL", "18.1", "embedded", true, 8))
                .environment(new Environment(null, "test", "17", "Linux", 0, 1, List.of()));
        String[][] names = {{"lookup", "POINT_LOOKUP"}, {"scan", "RANGE_SCAN"}};
        int[] counts = {lookups, scans};
        double[] factor = {slowdown * drift, drift};
        long[] rows = {1, rowsPerScan};
        for (int i = 0; i < 2; i++) {
            Histogram total = new Histogram(3);
            for (int interval = 0; interval < 3; interval++) {
                Histogram h = new Histogram(3);
                for (int k = 0; k < counts[i] / 3 + (interval < counts[i] % 3 ? 1 : 0); k++) {
                    h.recordValue((long) (2_000_000 * Math.exp(0.5 * random.nextGaussian()) * factor[i]));
                }
                b.interval(
                        names[i][0],
                        names[i][1],
                        START.toEpochMilli() + 5_000 + (interval + 1) * 10_000L,
                        h,
                        h,
                        new Histogram(3),
                        new Histogram(3),
                        0);
                total.add(h);
            }
            b.request(new ResultsBuilder.Request(
                    names[i][0],
                    names[i][1],
                    counts[i],
                    0,
                    Map.of(),
                    counts[i] * rows[i],
                    0,
                    0,
                    null,
                    total,
                    total,
                    new Histogram(3),
                    new Histogram(3),
                    null));
        }
        return b.build();
    }

    /**
     * Writes a {@code snowflake.json} into a run directory of {@link #run}: the values a Snowflake run of these requests
     * would give, CONSTRUCTED (from the shapes documented for QUERY_HISTORY and SHOW WAREHOUSES, turned into the file by
     * hand), never captured from a live account.
     *
     * @param runDir a run directory written from {@link #run}
     * @param creditsPerHour the warehouse's rate (X-Small 1, Small 2)
     * @param billedSeconds billed cluster-seconds
     * @param pricePerCredit price per credit, or null
     */
    static void writeSnowflake(Path runDir, double creditsPerHour, long billedSeconds, Double pricePerCredit)
            throws java.io.IOException {
        RunResults r = ResultsFiles.read(runDir);
        List<SnowflakeResults.Request> requests = new java.util.ArrayList<>();
        long queries = 0;
        for (RunResults.RequestStats s : r.requests()) {
            long n = s.count() + s.ko();
            queries += n;
            requests.add(new SnowflakeResults.Request(
                    s.name(),
                    s.count(),
                    s.responseMicros().p50(),
                    s.responseMicros().p95(),
                    new SnowflakeResults.Server(
                            n,
                            s.ko(),
                            s.name().equals("order by id") ? n / 10 : 0,
                            120,
                            310,
                            150.5,
                            12.25,
                            0,
                            s.kind().equals("RANGE_SCAN") ? 40.0 : 0,
                            0,
                            95.0,
                            1_000_000L * n,
                            0.75,
                            s.kind().equals("RANGE_SCAN") ? 5_000_000L : 0,
                            0L,
                            0.0001 * n)));
        }
        requests.add(new SnowflakeResults.Request(
                "(other)",
                null,
                null,
                null,
                new SnowflakeResults.Server(3, 0, 0, 40, 60, 45, 20, 0, 0, 0, 5, 0L, null, 0L, 0L, 0.0)));
        long t0 = java.time.Instant.parse(r.measurementStartedAt()).toEpochMilli();
        List<SnowflakeResults.Warehouse> warehouse = new java.util.ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            warehouse.add(new SnowflakeResults.Warehouse(
                    t0 - 5_000 + i * 5_000L,
                    "STARTED",
                    "STANDARD",
                    creditsPerHour == 1 ? "X-Small" : "Small",
                    i > 6 ? 2 : 1,
                    2,
                    4 + i % 3,
                    i == 7 ? 3 : 0));
        }
        double credits = billedSeconds * creditsPerHour / 3600;
        SnowflakeResults.Cost cost = new SnowflakeResults.Cost(
                creditsPerHour,
                billedSeconds,
                credits,
                pricePerCredit == null ? null : credits * pricePerCredit,
                pricePerCredit,
                Map.of("POINT_LOOKUP", credits * 0.4, "RANGE_SCAN", credits * 0.6),
                credits * 1000 / queries,
                queries / credits,
                queries / r.measurementSeconds() / credits);
        SnowflakeResults s = new SnowflakeResults(
                1,
                runDir.getFileName().toString(),
                "off",
                false,
                requests,
                warehouse,
                cost,
                List.of("cost: credits from polled cluster intervals and documented rates"),
                "BENCH_WH",
                List.of(
                        new SnowflakeResults.Load(t0, t0 + 5_000, 3.5, 0.25, 0, 0),
                        new SnowflakeResults.Load(t0 + 5_000, t0 + 10_000, 4.75, 1.5, 0.5, 0)),
                List.of());
        new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValue(runDir.resolve(SnowflakeResults.FILE).toFile(), s);
    }
}
