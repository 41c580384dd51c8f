package dev.salvo.runtime;

import dev.salvo.runtime.internal.MixAction;
import dev.salvo.runtime.internal.WeightedChoice;
import io.gatling.core.action.Action;
import io.gatling.core.action.builder.ActionBuilder;
import io.gatling.core.structure.ScenarioContext;
import java.util.List;

/**
 * Gatling's (Scala) action builder for a weighted mix: each visit runs exactly one of the requests, chosen at random by
 * weight or by a deterministic smooth weighted round-robin. For internal use: the DSL's {@code mix()} returns it.
 */
public final class MixActionBuilder implements ActionBuilder {
  private final List<SqlActionBuilder> requests;
  private final WeightedChoice choice;

  /**
   * @param requests the requests
   * @param choice how one is chosen, with one weight per request
   */
  public MixActionBuilder(List<SqlActionBuilder> requests, WeightedChoice choice) {
    this.requests = List.copyOf(requests);
    this.choice = choice;
  }

  @Override
  public Action build(ScenarioContext ctx, Action next) {
    Action[] actions = requests.stream().map(r -> r.build(ctx, next)).toArray(Action[]::new);
    return new MixAction(actions, choice);
  }
}
