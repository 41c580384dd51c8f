package dev.salvo.runtime.internal;

import dev.salvo.feeders.ParameterGenerator;
import dev.salvo.feeders.Tuple;
import dev.salvo.runtime.SharedParameters;
import io.gatling.javaapi.core.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A transaction's shared parameters resolved for the run: drawn once per execution into one tuple (binders first, then
 * the generator's specs and strategies), from which each statement copies the values it uses.
 */
final class SharedValues {
    private final List<String> names;
    // hot: read on every execution
    private final Function<Session, ?>[] binders;
    private final ParameterGenerator generator;
    private final int generated;
    private final ThreadLocal<Tuple> scratch;

    @SuppressWarnings("unchecked")
    SharedValues(SharedParameters shared, ParameterGenerator generator) {
        this.binders = shared.binders().values().toArray(Function[]::new);
        this.generator = generator;
        List<String> all = new ArrayList<>(shared.binders().keySet());
        if (generator != null) {
            all.addAll(generator.names());
        }
        this.names = List.copyOf(all);
        this.generated = generator == null ? 0 : generator.names().size();
        this.scratch = generator == null ? null : ThreadLocal.withInitial(generator::newTuple);
    }

    /** @return the names, in tuple order */
    List<String> names() {
        return names;
    }

    /**
     * @param index a name's index in {@link #names()}
     * @return a value it may take, known before load, or {@link PreparedRequest#UNKNOWN}
     */
    Object sample(int index) {
        if (index < binders.length) {
            return binders[index] instanceof dev.salvo.runtime.SqlRequest.Constant c
                    ? c.value()
                    : PreparedRequest.UNKNOWN;
        }
        Tuple t = generator.newTuple();
        generator.draw(0, t);
        return t.get(index - binders.length);
    }

    /** @return a tuple for {@link #fill} */
    Tuple newTuple() {
        return new Tuple(names.size());
    }

    /**
     * Draws every shared value once.
     *
     * @param session the virtual user's session
     * @param out a tuple from {@link #newTuple()}
     */
    void fill(io.gatling.core.session.Session session, Tuple out) {
        if (binders.length > 0) {
            Session javaSession = new Session(session);
            for (int i = 0; i < binders.length; i++) {
                out.set(i, binders[i].apply(javaSession));
            }
        }
        if (generator != null) {
            Tuple drawn = scratch.get();
            generator.next(drawn);
            for (int i = 0; i < generated; i++) {
                drawn.copyTo(i, out, binders.length + i);
            }
        }
    }
}
