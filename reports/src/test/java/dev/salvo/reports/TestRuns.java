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

  public static RunData run(String simulation, int poolSize, double slowdown, double qpsFactor, Instant start, int worker) {
    return builder(simulation, poolSize, slowdown, qpsFactor, start, worker).build();
  }

  /** @return {@link #run(String, int, double, double)} whose load generator stalled 1 s in its 30th second */
  static RunData stalledRun() {
    long t = START.toEpochMilli() + 5_000;
    List<GeneratorResults.HiccupPoint> timeline = new java.util.ArrayList<>();
    Histogram hiccups = new Histogram(3);
    for (int s = 0; s < 60; s++) {
      long max = s == 30 ? 1_003_000_000L : 80_000L + 10_000L * (s % 3);
      timeline.add(new GeneratorResults.HiccupPoint(t + s * 1000L, t + (s + 1) * 1000L, 70.0, max / 1000.0,
          s == 30 ? 1003.0 : 0, 200, 0, s == 31 ? 990_000.0 : 150.0, s == 31 ? 1_000_000.0 : 400.0));
      hiccups.recordValueWithCount(70_000, 900);
      hiccups.recordValue(max);
    }
    return builder("Stalled", 8, 1, 1, START, 0)
        .generator(new GeneratorResults("schedule", 12_000, null, RunResults.Latency.ofNanos(hiccups), 1003.0,
            List.of(new GeneratorResults.Stall(t + 30_000, 1003.0)), timeline, "", null))
        .build();
  }

  /** A run with a 5 s outage 20 s into the measurement, its failures, and a drain that cancelled one statement. */
  /**
   * Worker {@code index} of 2 of run "r1" that saw a 5 s outage beginning {@code lateMillis} after
   * {@link #outageRun()}'s, and whose drain cancelled {@code cancelled} statements.
   */
  static RunData outageWorker(int index, long lateMillis, int cancelled) {
    long t = START.toEpochMilli() + 5_000 + 20_000 + lateMillis;
    FaultResults.Outage outage = new FaultResults.Outage(t, t + 5_000, 5.0,
        "Connection to localhost:5432 refused. (SQLSTATE 08001)", false, 40 + index, java.util.Map.of("POINT_LOOKUP",
            40L + index), java.util.Map.of("order by id", 40L + index), t + 4_600);
    return builder("Outage", 8, 1, 1, START, index).worker("r1", index, 2, null, null, false)
        .faults(new FaultResults(2000, false, List.of(outage), new FaultResults.Drain(30_000, 30_000 + index, cancelled)))
        .build();
  }

  static RunData outageRun() {
    long t = START.toEpochMilli() + 5_000 + 20_000;
    FaultResults.Outage outage = new FaultResults.Outage(t, t + 5_000, 5.0,
        "Connection to localhost:5432 refused. (SQLSTATE 08001)", false, 42, java.util.Map.of("POINT_LOOKUP", 42L),
        java.util.Map.of("order by id", 42L), t + 4_600);
    return builder("Outage", 8, 1, 1, START, 0)
        .faults(new FaultResults(2000, false, List.of(outage), new FaultResults.Drain(30_000, 30_012, 1))).build();
  }

  /** {@link #run} with a server section: a transaction whose second statement is slow, waits, an outlier, an error. */
  public static RunData runWithServer(String simulation, int poolSize, double slowdown, double qpsFactor) {
    return builder(simulation, poolSize, slowdown, qpsFactor, START, 0).server(server(slowdown)).build();
  }

  static ServerResults server(double slowdown) {
    ServerResults.Statement fast = statement("101", "UPDATE accounts SET balance = balance + $1 WHERE id = $2", 900,
        0.05 * slowdown);
    ServerResults.Statement slow = statement("-202", "SELECT pg_sleep($1)", 900, 0.4 * slowdown);
    ServerResults.Statement lookup = statement("303", "SELECT * FROM orders WHERE id = $1", 900, 0.02 * slowdown);
    long t0 = START.toEpochMilli() + 5_000;
    List<ServerResults.WaitInterval> intervals = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      intervals.add(new ServerResults.WaitInterval(t0 + i * 1000L, t0 + (i + 1) * 1000L, 5,
          Map.of("CPU", 1.2 + (i % 5) * 0.1, "Lock", i > 30 ? 0.8 * slowdown : 0.2, "IO", 0.1)));
    }
    ServerResults.Waits waits = new ServerResults.Waits(200, 1000, 300,
        Map.of("CPU:CPU", 1.4, "Lock:transactionid", 0.5, "IO:DataFileRead", 0.1), intervals, null);
    ServerResults.RequestServer transfer = new ServerResults.RequestServer(900, 900L, 700.0 * slowdown,
        450.0 * slowdown, 250.0 * slowdown, List.of(
            new ServerResults.RequestStatement("UPDATE accounts SET balance = balance + ? WHERE id = ?", "queryId",
                List.of(), null, fast),
            new ServerResults.RequestStatement("SELECT pg_sleep(?)", "queryId", List.of(), null, slow)),
        List.of(new ServerResults.Outlier("2026-01-01T00:00:31.5Z", 9_500.0 * slowdown,
            List.of(List.of("5", "17"), List.of("0.009")), List.of(Map.of("Plan", Map.of("Node Type", "ModifyTable")),
                Map.of("Plan", Map.of("Node Type", "Result"), "Query Identifier", -202)))),
        List.of(new ServerResults.ErrorSample("40P01: ERROR: deadlock detected", "2026-01-01T00:00:40Z",
            List.of(List.of("3", "9"), List.of("0.001")))));
    ServerResults.RequestServer byId = new ServerResults.RequestServer(900, 900L, 300.0, 20.0 * slowdown, 280.0,
        List.of(new ServerResults.RequestStatement("SELECT * FROM orders WHERE id = ?", "queryId", List.of(), null,
            lookup)), List.of(), List.of());
    return new ServerResults("PostgreSQL 18.6", "2026-01-01T00:00:05Z", "2026-01-01T00:01:06Z", 61,
        List.of("pg_stat_statements: partly unavailable: role app is not a member of pg_read_all_stats, so statements "
            + "of other roles are hidden (Salvo's own statements are complete)"), List.of(),
        Map.of("shared_buffers", "256MB", "work_mem", "4MB"),
        Map.of("xactCommit", 1800.0, "xactRollback", 3.0, "blocksHit", 99_000.0, "blocksRead", 1000.0 * slowdown,
            "tempBytes", 0.0, "deadlocks", 1.0),
        Map.of("checkpointsTimed", 0.0, "buffersClean", 12.0), Map.of("walBytes", 1_234_567.0, "walRecords", 9000.0),
        waits, List.of(slow, fast, lookup), Map.of("transfer", transfer, "order by id", byId));
  }

  private static ServerResults.Statement statement(String id, String sql, long calls, double meanMillis) {
    return new ServerResults.Statement(id, sql, calls, calls, meanMillis * calls, meanMillis, meanMillis / 4, 0,
        calls * 10, calls / 10, 0, 0, 0.99, 0, 0, 1.5, 0, calls, 0, calls * 120, true);
  }

  static ResultsBuilder builder(String simulation, int poolSize, double slowdown, double qpsFactor, Instant start,
      int worker) {
    ResultsBuilder b = new ResultsBuilder(simulation, start)
        .measurementStartedAt(start.plusSeconds(5))
        .endedAt(start.plusSeconds(66))
        .database(new DatabaseInfo("postgresql", "PostgreSQL", "18.1", "jdbc:postgresql://db/x?password=***", false,
            poolSize))
        .environment(new Environment("abc123", "test", "17", "Linux", worker, 1, List.of()))
        .config("pool.size", poolSize)
        .config("injection", "constantUsersPerSec(200) during 60s")
        .config("db.password", "hunter2")
        .profileHash("orders", "sha256:0f0f")
        .parameterSeed(42);
    String[][] names = {{"order by id", "POINT_LOOKUP"}, {"customer by id", "POINT_LOOKUP"}, {"orders in range", "RANGE_SCAN"}};
    Histogram[] totals = new Histogram[names.length];
    for (int i = 0; i < names.length; i++) {
      totals[i] = new Histogram(3);
    }
    long ko = 0;
    for (int interval = 0; interval < 6; interval++) {
      long end = start.toEpochMilli() + 5_000 + (interval + 1) * 10_000L + (interval % 2) * 3; // jitter of a few ms
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
      b.request(new ResultsBuilder.Request(names[i][0], names[i][1], count - failed, failed,
          failed == 0 ? Map.of() : Map.of("57014: canceling statement due to statement timeout", failed),
          count * (i + 1), count * 100, 50, null, totals[i], totals[i], new Histogram(3), new Histogram(3), slo));
    }
    return b;
  }

  /**
   * @return a run with one transaction ("tpcb", GENERIC, 100 executions, 2 failed at its second statement) and its two
   *     statements, plus a point lookup
   */
  static RunData transactionRun() {
    ResultsBuilder b = new ResultsBuilder("Tx", START).measurementStartedAt(START).endedAt(START.plusSeconds(10));
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
    String failure = "57P01: at statement 'update branches': FATAL: terminating connection due to administrator command";
    b.request(new ResultsBuilder.Request("tpcb", "GENERIC", 98, 2, Map.of(failure, 2L), 490, 0, 0, null, tx, tx,
        new Histogram(3), new Histogram(3), new SloVerdict(null, null, 0.05, true, List.of())));
    b.request(new ResultsBuilder.Request("tpcb / update accounts", "UPDATE", 100, 0, Map.of(), 100, 0, 0, null, first,
        first, new Histogram(3), new Histogram(3), null));
    b.request(new ResultsBuilder.Request("tpcb / update branches", "UPDATE", 98, 2,
        Map.of("57P01: FATAL: terminating connection due to administrator command", 2L), 98, 0, 0, null, second, second,
        new Histogram(3), new Histogram(3), null));
    b.request(new ResultsBuilder.Request("by id", "POINT_LOOKUP", 100, 0, Map.of(), 100, 0, 0, null, lookup, lookup,
        new Histogram(3), new Histogram(3), null));
    b.requestInfo("tpcb", new RunResults.RequestInfo(null, null, null,
        List.of("tpcb / update accounts", "tpcb / update branches"), 2));
    b.requestInfo("tpcb / update accounts", new RunResults.RequestInfo(
        "UPDATE pgbench_accounts SET abalance = abalance + $1 WHERE aid = $2", "0123456789ab", "tpcb", List.of(), 0));
    b.requestInfo("tpcb / update branches", new RunResults.RequestInfo(
        "UPDATE pgbench_branches SET bbalance = bbalance + $1 WHERE bid = $2", "ba9876543210", "tpcb", List.of(), 0));
    b.requestInfo("by id", new RunResults.RequestInfo("SELECT * FROM orders WHERE order_id = $1", "00aa11bb22cc", null,
        List.of(), 0));
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
  static RunData sampled(String simulation, long seed, int lookups, int scans, long rowsPerScan, double slowdown,
      double drift) {
    java.util.Random random = new java.util.Random(seed);
    ResultsBuilder b = new ResultsBuilder(simulation, START).measurementStartedAt(START.plusSeconds(5))
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
        b.interval(names[i][0], names[i][1], START.toEpochMilli() + 5_000 + (interval + 1) * 10_000L, h, h,
            new Histogram(3), new Histogram(3), 0);
        total.add(h);
      }
      b.request(new ResultsBuilder.Request(names[i][0], names[i][1], counts[i], 0, Map.of(), counts[i] * rows[i], 0, 0,
          null, total, total, new Histogram(3), new Histogram(3), null));
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
      requests.add(new SnowflakeResults.Request(s.name(), s.count(), s.responseMicros().p50(),
          s.responseMicros().p95(), new SnowflakeResults.Server(n, s.ko(), s.name().equals("order by id") ? n / 10 : 0,
          120, 310, 150.5, 12.25, 0, s.kind().equals("RANGE_SCAN") ? 40.0 : 0, 0, 95.0, 1_000_000L * n, 0.75,
          s.kind().equals("RANGE_SCAN") ? 5_000_000L : 0, 0L, 0.0001 * n)));
    }
    requests.add(new SnowflakeResults.Request("(other)", null, null, null,
        new SnowflakeResults.Server(3, 0, 0, 40, 60, 45, 20, 0, 0, 0, 5, 0L, null, 0L, 0L, 0.0)));
    long t0 = java.time.Instant.parse(r.measurementStartedAt()).toEpochMilli();
    List<SnowflakeResults.Warehouse> warehouse = new java.util.ArrayList<>();
    for (int i = 0; i <= 12; i++) {
      warehouse.add(new SnowflakeResults.Warehouse(t0 - 5_000 + i * 5_000L, "STARTED", "STANDARD",
          creditsPerHour == 1 ? "X-Small" : "Small", i > 6 ? 2 : 1, 2, 4 + i % 3, i == 7 ? 3 : 0));
    }
    double credits = billedSeconds * creditsPerHour / 3600;
    SnowflakeResults.Cost cost = new SnowflakeResults.Cost(creditsPerHour, billedSeconds, credits,
        pricePerCredit == null ? null : credits * pricePerCredit, pricePerCredit,
        Map.of("POINT_LOOKUP", credits * 0.4, "RANGE_SCAN", credits * 0.6), credits * 1000 / queries,
        queries / credits, queries / r.measurementSeconds() / credits);
    SnowflakeResults s = new SnowflakeResults(1, runDir.getFileName().toString(), "off", false, requests, warehouse,
        cost, List.of("cost: credits from polled cluster intervals and documented rates"), "BENCH_WH",
        List.of(new SnowflakeResults.Load(t0, t0 + 5_000, 3.5, 0.25, 0, 0),
            new SnowflakeResults.Load(t0 + 5_000, t0 + 10_000, 4.75, 1.5, 0.5, 0)), List.of());
    new com.fasterxml.jackson.databind.ObjectMapper().writeValue(runDir.resolve(SnowflakeResults.FILE).toFile(), s);
  }
}
