package dev.salvo.benchmarks.overhead;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The baseline: N threads, one connection each, one prepared statement each, random keys, every column of every row
 * read with {@code getBytes} (as Salvo reads them). Runs a warmup, then measures.
 *
 * <p>Arguments: {@code <jdbc url> <clients> <warmup seconds> <seconds>}; prints {@code measured=<n> qps=<x> total=<n>}.
 */
public final class RawJdbcLoop {
  private RawJdbcLoop() {}

  /**
   * @param args url, clients, warmup seconds, seconds
   * @throws Exception when the database fails
   */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    int clients = Integer.parseInt(args[1]);
    long warmupNanos = Long.parseLong(args[2]) * 1_000_000_000L;
    long measureNanos = Long.parseLong(args[3]) * 1_000_000_000L;
    LongAdder measured = new LongAdder();
    LongAdder total = new LongAdder();
    long start = System.nanoTime();
    long measureFrom = start + warmupNanos;
    long end = measureFrom + measureNanos;
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Thread t = new Thread(() -> run(url, measureFrom, end, measured, total), "jdbc-" + i);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    System.out.printf(java.util.Locale.ROOT, "measured=%d qps=%.1f total=%d%n", measured.sum(),
        measured.sum() / (measureNanos / 1e9), total.sum());
  }

  private static void run(String url, long measureFrom, long end, LongAdder measured, LongAdder total) {
    try (Connection c = DriverManager.getConnection(url);
         PreparedStatement ps = c.prepareStatement(Lookup.SQL)) {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      long now;
      while ((now = System.nanoTime()) < end) {
        ps.setObject(1, random.nextLong(1, Lookup.MAX_ID + 1));
        try (ResultSet rs = ps.executeQuery()) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int col = 1; col <= columns; col++) {
              rs.getBytes(col);
            }
          }
        }
        total.increment();
        if (now >= measureFrom) {
          measured.increment();
        }
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
