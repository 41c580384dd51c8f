package dev.salvo.benchmarks.overhead;

/**
 * The query every contender runs: by default a primary-key lookup on the demo {@code orders} table (200,000 rows);
 * {@code -Dbench.table=pgbench_accounts} switches to pgbench's accounts table ({@code SELECT *} by {@code aid}, 100,000
 * rows per scale unit, {@code -Dbench.maxId}), the setting of issue 24's measurement.
 */
final class Lookup {
    static final boolean ACCOUNTS = "pgbench_accounts".equals(System.getProperty("bench.table"));
    static final String SQL = ACCOUNTS
            ? "SELECT aid, bid, abalance, filler FROM pgbench_accounts WHERE aid = ?"
            : "SELECT order_id, customer_id, category, status, order_date, amount FROM orders WHERE order_id = ?";
    static final String NAMED_SQL = SQL.replace("?", ":id");
    static final long MAX_ID = Long.getLong("bench.maxId", ACCOUNTS ? 1_000_000 : 200_000);

    private Lookup() {}
}
