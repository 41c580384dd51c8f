package dev.salvo.runtime.internal;

import com.typesafe.scalalogging.Logger;
import io.gatling.core.action.Action;
import io.gatling.core.session.Session;

/** Runs one of its actions per visit, chosen by a {@link WeightedChoice}; runs on Gatling's event loop. */
public final class MixAction implements Action {
    private static final Logger LOGGER = Logger.apply(MixAction.class);
    private final Action[] actions;
    private final WeightedChoice choice;

    /**
     * @param actions the actions, each already chained to the mix's next action
     * @param choice the choice, one weight per action
     */
    public MixAction(Action[] actions, WeightedChoice choice) {
        this.actions = actions;
        this.choice = choice;
    }

    @Override
    public String name() {
        return "mix";
    }

    @Override
    public Logger logger() {
        return LOGGER;
    }

    /** Scala-logging's initializer hook; the logger is a constant here. */
    @Override
    public void com$typesafe$scalalogging$StrictLogging$_setter_$logger_$eq(Logger logger) {}

    @Override
    public void execute(Session session) {
        actions[choice.next()].$bang(session);
    }
}
