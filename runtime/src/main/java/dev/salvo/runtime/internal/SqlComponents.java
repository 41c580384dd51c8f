package dev.salvo.runtime.internal;

import dev.salvo.runtime.SqlProtocol;
import io.gatling.core.protocol.ProtocolComponents;
import io.gatling.core.session.Session;
import io.gatling.core.session.Session$;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * Per-scenario view of the run's SQL state.
 *
 * @param run the run
 * @param protocol the protocol this scenario uses
 */
public record SqlComponents(SalvoRun run, SqlProtocol protocol) implements ProtocolComponents {
    @Override
    public Function1<Session, Session> onStart() {
        return run.arrivals() == null ? Session$.MODULE$.Identity() : run.arrivals()::arrive;
    }

    @Override
    public Function1<Session, BoxedUnit> onExit() {
        return session -> {
            run.userExit();
            return BoxedUnit.UNIT;
        };
    }
}
