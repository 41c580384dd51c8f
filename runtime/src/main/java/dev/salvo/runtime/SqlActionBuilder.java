package dev.salvo.runtime;

import dev.salvo.runtime.internal.SalvoRun;
import dev.salvo.runtime.internal.SqlComponents;
import dev.salvo.runtime.internal.SqlProtocolKey;
import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;

/**
 * Gatling's (Scala) action builder for one {@link SqlRequest}. For internal use: the DSL returns it from
 * {@code asScala()}. Building the action checks the SQL against the database, so a statement that does not parse stops
 * the run before load starts.
 */
public final class SqlActionBuilder implements ActionBuilder {
  private final SqlRequest request;

  /** @param request the request this builder's actions execute */
  public SqlActionBuilder(SqlRequest request) {
    this.request = request;
    SalvoRun.noteSimulationClass();
  }

  @Override
  public Action build(ScenarioContext ctx, Action next) {
    SqlComponents components = ctx.protocolComponentsRegistry().components(SqlProtocolKey.INSTANCE);
    return components.run().newAction(request, components.protocol(), ctx.coreComponents(), next);
  }

  /** @return the request */
  public SqlRequest request() {
    return request;
  }
}
