package dev.salvo.runtime.internal;

import dev.salvo.runtime.WorkerIdentity;
import io.gatling.core.CoreComponents;
import io.gatling.core.controller.inject.InjectionProfile;
import io.gatling.core.controller.inject.closed.ClosedInjectionProfile;
import io.gatling.core.controller.inject.closed.ClosedInjectionStep;
import io.gatling.core.controller.inject.open.OpenInjectionProfile;
import io.gatling.core.controller.inject.open.OpenInjectionStep;
import io.gatling.core.scenario.SimulationParams;
import io.gatling.core.structure.PopulationBuilder;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Makes this JVM inject only its worker's share of every scenario, and hold its injection until the start barrier
 * (docs/distributed.md). Open models: worker i of N injects the arrivals k with k mod N = i of each scenario's whole
 * stream of arrivals ({@link ArrivalSchedule#offsets(List, int, int)}), so that N workers together inject exactly the
 * single-machine schedule. Closed models: at every moment the step's concurrent users are split as evenly as possible,
 * the remainder to the lowest indexes ({@link WorkerIdentity#share}).
 *
 * <p>Gatling 3.15 keeps a scenario's injection steps in its injection profile and reads them only when its injector
 * starts the scenario, after the protocol's components (and so this class) are built; the steps are replaced there.
 */
final class WorkerShare {
    private WorkerShare() {}

    /**
     * Replaces every scenario's injection steps by this worker's share, gated by the barrier.
     *
     * @param core Gatling's components
     * @param worker this worker
     * @param barrier the start barrier (the first step the injector starts waits for it)
     * @throws ReflectiveOperationException when Gatling's internals differ from 3.15's
     */
    static void install(CoreComponents core, WorkerIdentity worker, StartBarrier barrier)
            throws ReflectiveOperationException {
        Object controller = field(core.controller(), "actor");
        SimulationParams params = (SimulationParams) field(controller, "simulationParams");
        for (PopulationBuilder p :
                CollectionConverters.asJava(PopulationBuilder.flatten(params.rootPopulationBuilders()))) {
            InjectionProfile profile = p.injectionProfile();
            Field steps = profile.getClass().getDeclaredField("steps");
            steps.setAccessible(true);
            if (profile instanceof OpenInjectionProfile) {
                @SuppressWarnings("unchecked")
                List<OpenInjectionStep> open = new ArrayList<>(CollectionConverters.asJava(
                        (scala.collection.immutable.List<OpenInjectionStep>) steps.get(profile)));
                if (open.size() == 1 && open.get(0) instanceof SharedOpen) {
                    continue; // installed already
                }
                steps.set(profile, scalaList(List.of(new SharedOpen(open, worker.index(), worker.count(), barrier))));
            } else if (profile instanceof ClosedInjectionProfile) {
                @SuppressWarnings("unchecked")
                List<ClosedInjectionStep> closed = new ArrayList<>(CollectionConverters.asJava(
                        (scala.collection.immutable.List<ClosedInjectionStep>) steps.get(profile)));
                if (!closed.isEmpty() && closed.get(0) instanceof SharedClosed) {
                    continue;
                }
                List<ClosedInjectionStep> shares = new ArrayList<>();
                for (int i = 0; i < closed.size(); i++) {
                    // the first step waits for the start barrier; the next ones follow it
                    shares.add(
                            new SharedClosed(closed.get(i), worker.index(), worker.count(), i == 0 ? barrier : null));
                }
                steps.set(profile, scalaList(shares));
            }
        }
    }

    private static <T> scala.collection.immutable.List<T> scalaList(List<T> list) {
        return CollectionConverters.asScala(list).toList();
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    /** A worker's share of a scenario's open injection steps, as one step. */
    static final class SharedOpen implements OpenInjectionStep {
        private static final long serialVersionUID = 1L;
        private final List<OpenInjectionStep> steps;
        private final int worker;
        private final int workers;
        private final transient StartBarrier barrier;

        SharedOpen(List<OpenInjectionStep> steps, int worker, int workers, StartBarrier barrier) {
            this.steps = List.copyOf(steps);
            this.worker = worker;
            this.workers = workers;
            this.barrier = barrier;
        }

        /** @return this worker's arrival offsets, from the scenario's start (without waiting for the barrier) */
        Iterator<FiniteDuration> share() {
            return ArrivalSchedule.offsets(steps, worker, workers);
        }

        /** Called by Gatling's injector when it starts the scenario: the share, shifted to the start barrier. */
        @Override
        public Iterator<FiniteDuration> chain(Iterator<FiniteDuration> next) {
            FiniteDuration shift = FiniteDuration.apply(barrier.delayMillis(), "ms");
            return share().map(offset -> offset.plus(shift)).concat(() -> next);
        }

        @Override
        public long users() {
            return WorkerIdentity.share(
                    steps.stream().mapToLong(OpenInjectionStep::users).sum(), worker, workers);
        }

        @Override
        public FiniteDuration duration() {
            FiniteDuration d = FiniteDuration.apply(0, "ms");
            for (OpenInjectionStep s : steps) {
                d = d.plus(s.duration());
            }
            return d;
        }

        @Override
        public int productArity() {
            return 0;
        }

        @Override
        public Object productElement(int n) {
            throw new IndexOutOfBoundsException(n);
        }

        @Override
        public boolean canEqual(Object that) {
            return that instanceof SharedOpen;
        }

        @Override
        public String toString() {
            return "worker " + worker + " of " + workers + " of " + steps;
        }
    }

    /**
     * A worker's share of one closed injection step: the concurrent users at every moment, split evenly. The first step of
     * a profile starts with no users until the start barrier (its duration grows by that wait).
     */
    static final class SharedClosed implements ClosedInjectionStep {
        private static final long serialVersionUID = 1L;
        /** Gatling 3.15's injector tick ({@code Injector.TickPeriod}): a closed workload is topped up once per tick. */
        static final long TICK_MILLIS = 1000;

        private final ClosedInjectionStep step;
        private final int worker;
        private final int workers;
        private final transient StartBarrier barrier;
        private long delayMillis = -1;

        SharedClosed(ClosedInjectionStep step, int worker, int workers, StartBarrier barrier) {
            this.step = step;
            this.worker = worker;
            this.workers = workers;
            this.barrier = barrier;
        }

        /**
         * The wait before this step, fixed when Gatling's injector first asks about the step: the time left until the start
         * barrier rounded up to whole ticks of Gatling's injector ({@link #TICK_MILLIS}). Gatling's closed workload asks,
         * at each tick, for the users due at the end of the next tick and starts the missing ones spread over that tick;
         * with a wait of whole ticks, the first users start in the tick that begins at or after the barrier (up to one
         * tick after it), never before it (a wait of a fraction of a tick started them up to 1 s early).
         */
        private synchronized long delay() {
            if (delayMillis < 0) {
                long wait = barrier == null ? 0 : barrier.delayMillis();
                delayMillis = (wait + TICK_MILLIS - 1) / TICK_MILLIS * TICK_MILLIS;
            }
            return delayMillis;
        }

        @Override
        public int valueAt(FiniteDuration t) {
            long wait = delay();
            long at = t.toMillis() - wait;
            // asked at the end of a tick: the tick ending at the barrier lies before it
            return at < 0 || (wait > 0 && at == 0)
                    ? 0
                    : (int) WorkerIdentity.share(step.valueAt(FiniteDuration.apply(at, "ms")), worker, workers);
        }

        @Override
        public FiniteDuration duration() {
            return step.duration().plus(FiniteDuration.apply(delay(), "ms"));
        }

        /**
         * True when this worker's share is zero for the whole step (Gatling ends a closed workload whose steps are all empty
         * at once; one that never gets a user would otherwise wait forever). Sampled every 10 ms and at the end.
         */
        @Override
        public boolean isEmpty() {
            if (step.isEmpty()) {
                return true;
            }
            long end = step.duration().toMillis();
            for (long t = 0; ; t = Math.min(end, t + 10)) {
                if (WorkerIdentity.share(step.valueAt(FiniteDuration.apply(t, "ms")), worker, workers) > 0) {
                    return false;
                }
                if (t == end) {
                    return true;
                }
            }
        }

        @Override
        public int productArity() {
            return 0;
        }

        @Override
        public Object productElement(int n) {
            throw new IndexOutOfBoundsException(n);
        }

        @Override
        public boolean canEqual(Object that) {
            return that instanceof SharedClosed;
        }

        @Override
        public String toString() {
            return "worker " + worker + " of " + workers + " of " + step;
        }
    }
}
