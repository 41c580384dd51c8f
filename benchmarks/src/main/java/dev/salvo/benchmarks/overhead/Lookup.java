package dev.salvo.benchmarks.overhead;

/** The query every contender runs: a primary-key lookup on the demo {@code orders} table (200,000 rows). */
final class Lookup {
  static final String SQL =
      "SELECT order_id, customer_id, category, status, order_date, amount FROM orders WHERE order_id = ?";
  static final String NAMED_SQL = SQL.replace("?", ":id");
  static final long MAX_ID = 200_000;

  private Lookup() {}
}
