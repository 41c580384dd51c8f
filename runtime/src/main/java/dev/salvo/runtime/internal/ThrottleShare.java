package dev.salvo.runtime.internal;

import dev.salvo.runtime.WorkerIdentity;
import io.gatling.core.CoreComponents;
import io.gatling.core.controller.throttle.Hold;
import io.gatling.core.controller.throttle.Jump;
import io.gatling.core.controller.throttle.Reach;
import io.gatling.core.controller.throttle.ThrottleStep;
import io.gatling.core.controller.throttle.Throttling;
import io.gatling.core.controller.throttle.Throttlings;
import io.gatling.core.scenario.SimulationParams;
import io.gatling.core.structure.PopulationBuilder;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import scala.Function1;
import scala.Option;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * A worker's share of the simulation's throttles (global {@code setUp(...).throttle(...)} and per scenario), and the
 * throttle and maximum duration moved to the start barrier (docs/distributed.md).
 *
 * <p>Gatling 3.15's throttler asks its throttles for a limit once per second of its own clock ({@code Throttling.limit}:
 * seconds since the run's start to requests/s). Each limit is replaced by this worker's share of the single-machine
 * limit of that second ({@link WorkerIdentity#share}: as even as possible, remainder to the lowest indexes), so that the
 * workers' limits add up to the requested one every second; and the single-machine schedule starts at the start
 * barrier's second instead of at the JVM's start.
 */
final class ThrottleShare {
    private ThrottleShare() {}

    /**
     * Divides every throttle of the run among the workers and moves it, and Gatling's maximum duration, to the barrier.
     *
     * @param core Gatling's components
     * @param worker this worker
     * @param barrier the start barrier
     * @throws ReflectiveOperationException when Gatling's internals differ from 3.15's
     */
    static void install(CoreComponents core, WorkerIdentity worker, StartBarrier barrier)
            throws ReflectiveOperationException {
        SimulationParams params = params(core);
        if (barrier.startAt() != null
                && params.maxDuration().isDefined()
                && !(params.maxDuration() instanceof FromBarrier)) {
            // Gatling's maxDuration (also implied by a throttle) counts from its controller's start; the load starts
            // at the barrier
            set(params, "maxDuration", new FromBarrier(params.maxDuration().get(), barrier));
        }
        if (core.throttler().isEmpty()) {
            return;
        }
        Throttlings throttlings = (Throttlings) field(field(core.throttler().get(), "actor"), "throttlings");
        List<Throttling> all = new ArrayList<>();
        if (throttlings.global().isDefined()) {
            all.add(throttlings.global().get());
        }
        all.addAll(CollectionConverters.asJava(throttlings.perScenario()).values());
        for (Throttling t : all) {
            if (!(t.limit() instanceof SharedLimit)) {
                set(t, "limit", new SharedLimit(t.limit(), worker.index(), worker.count(), barrier));
            }
        }
    }

    /**
     * @param core Gatling's components
     * @param worker this worker
     * @return for a distributed run, {@code injection.throttle.share} (and {@code injection.<scenario>.throttle.share})
     *     = this worker's share of the throttle's steps, each target divided; empty otherwise
     * @throws ReflectiveOperationException when Gatling's internals differ from 3.15's
     */
    static Map<String, String> describe(CoreComponents core, WorkerIdentity worker)
            throws ReflectiveOperationException {
        Map<String, String> out = new TreeMap<>();
        if (!worker.distributed()) {
            return out;
        }
        SimulationParams params = params(core);
        List<ThrottleStep> globalSteps = new ArrayList<>();
        CollectionConverters.asJava(params.globalThrottleSteps()).forEach(globalSteps::add);
        String global = describe(globalSteps, worker);
        if (!global.isEmpty()) {
            out.put("injection.throttle.share", global);
        }
        for (PopulationBuilder p :
                CollectionConverters.asJava(PopulationBuilder.flatten(params.rootPopulationBuilders()))) {
            String own = describe(CollectionConverters.asJava(p.scenarioThrottleSteps()), worker);
            if (!own.isEmpty()) {
                out.put("injection." + p.scenarioBuilder().name() + ".throttle.share", own);
            }
        }
        return out;
    }

    /**
     * @param steps a throttle's steps
     * @param worker this worker
     * @return {@code worker i of N: Jump(34), Hold(6 seconds)}: the steps with each target replaced by this worker's
     *     share; empty when there are no steps
     */
    static String describe(List<ThrottleStep> steps, WorkerIdentity worker) {
        if (steps.isEmpty()) {
            return "";
        }
        List<String> shared = new ArrayList<>();
        for (ThrottleStep step : steps) {
            if (step instanceof Reach r) {
                shared.add(new Reach(share(r.target(), worker), r.duration()).toString());
            } else if (step instanceof Jump j) {
                shared.add(new Jump(share(j.target(), worker)).toString());
            } else if (step instanceof Hold h) {
                shared.add(h.toString());
            } else {
                shared.add(String.valueOf(step));
            }
        }
        return "worker " + worker.index() + " of " + worker.count() + ": " + String.join(", ", shared);
    }

    private static int share(int target, WorkerIdentity worker) {
        return (int) worker.share(target);
    }

    private static SimulationParams params(CoreComponents core) throws ReflectiveOperationException {
        return (SimulationParams) field(field(core.controller(), "actor"), "simulationParams");
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    private static void set(Object owner, String name, Object value) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        f.set(owner, value);
    }

    /**
     * Gatling's maximum duration lengthened by the time left until the start barrier, computed when Gatling's
     * controller reads it as it starts the run (after the database was opened and the scenarios built, which can take
     * seconds), so that the run ends the maximum duration after the barrier.
     */
    static final class FromBarrier extends Option<FiniteDuration> {
        private static final long serialVersionUID = 1L;
        private final FiniteDuration duration;
        private final transient StartBarrier barrier;

        FromBarrier(FiniteDuration duration, StartBarrier barrier) {
            this.duration = duration;
            this.barrier = barrier;
        }

        @Override // (Option's isEmpty is final: anything but None is defined)
        public FiniteDuration get() {
            return duration.plus(FiniteDuration.apply(barrier.millisLeft(), "ms"));
        }

        @Override
        public int productArity() {
            return 1;
        }

        @Override
        public Object productElement(int n) {
            if (n != 0) {
                throw new IndexOutOfBoundsException(n);
            }
            return get();
        }

        @Override
        public boolean canEqual(Object that) {
            return that instanceof Option;
        }

        @Override
        public String toString() {
            return "Some(" + duration + " after the start barrier)";
        }
    }

    /**
     * A throttle's limit for one worker: second t of the throttler's clock gets this worker's share of the
     * single-machine limit of second {@code t - s}, where s is the number of whole seconds the throttler started before
     * the start barrier (fixed at its first second; before the barrier no user runs, so the limit there does not matter).
     */
    static final class SharedLimit extends AbstractFunction1<Object, Object> {
        private final Function1<Object, Object> single;
        private final int worker;
        private final int workers;
        private final StartBarrier barrier;
        private long shiftSeconds = -1;

        SharedLimit(Function1<Object, Object> single, int worker, int workers, StartBarrier barrier) {
            this.single = single;
            this.worker = worker;
            this.workers = workers;
            this.barrier = barrier;
        }

        @Override
        public synchronized Object apply(Object second) {
            if (shiftSeconds < 0) {
                shiftSeconds = barrier.millisLeft() / 1000;
            }
            long t = Math.max(0, (Long) second - shiftSeconds);
            int limit = (Integer) single.apply(t);
            return (int) WorkerIdentity.share(limit, worker, workers);
        }
    }
}
