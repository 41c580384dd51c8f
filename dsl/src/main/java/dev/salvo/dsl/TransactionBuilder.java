package dev.salvo.dsl;

import dev.salvo.runtime.SqlActionBuilder;
import dev.salvo.sql.QueryKind;
import io.gatling.javaapi.core.ActionBuilder;
import java.util.Arrays;
import java.util.List;

/**
 * Statements run in order on one connection and committed together (rolled back when one fails), timed and reported as
 * one request. Immutable, so all methods return a new occurrence and leave the original unmodified.
 */
public final class TransactionBuilder implements ActionBuilder {
  private final String name;
  private final QueryKind kind;
  private final List<SqlRequestBuilder> statements;

  TransactionBuilder(String name, QueryKind kind, List<SqlRequestBuilder> statements) {
    this.name = name;
    this.kind = kind;
    this.statements = List.copyOf(statements);
  }

  /**
   * @param statements the statements, in order; their names only label errors, the transaction's name is reported
   * @return a new builder
   */
  public TransactionBuilder statements(SqlRequestBuilder... statements) {
    return new TransactionBuilder(name, kind, Arrays.asList(statements));
  }

  /**
   * @param kind the kind the transaction's statistics are kept under (default GENERIC)
   * @return a new builder
   */
  public TransactionBuilder kind(QueryKind kind) {
    return new TransactionBuilder(name, kind, statements);
  }

  /**
   * For internal use only.
   *
   * @return the Gatling (Scala) action builder
   */
  @Override
  public io.gatling.core.action.builder.ActionBuilder asScala() {
    return Guard.check(() -> SqlActionBuilder.transaction(name, kind,
        statements.stream().map(SqlRequestBuilder::toRequest).toList()));
  }
}
