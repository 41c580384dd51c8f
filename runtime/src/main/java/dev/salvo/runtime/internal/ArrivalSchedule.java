package dev.salvo.runtime.internal;

import io.gatling.core.CoreComponents;
import io.gatling.core.controller.inject.InjectionProfile;
import io.gatling.core.controller.inject.open.OpenInjectionProfile;
import io.gatling.core.controller.inject.open.OpenInjectionStep;
import io.gatling.core.scenario.SimulationParams;
import io.gatling.core.session.Session;
import io.gatling.core.structure.PopulationBuilder;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import scala.collection.Iterator;
import scala.concurrent.duration.FiniteDuration;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The scheduled arrival of every open-model virtual user, so that its requests are timed from when it should have
 * arrived, not from when Gatling managed to create it (client-side coordinated omission: a generator that stalls
 * creates the users due during the stall late, and would time them from after it).
 *
 * <p>Gatling's injector turns a scenario's open injection steps into one stream of arrival offsets from the scenario's
 * start (whole milliseconds; {@code OpenInjectionStep.chain}, as its {@code UserStream} does), and creates the users in
 * that order. Salvo replays the same stream from the same step objects (a randomized step keeps its seed), numbers the
 * arrivals 0, 1, 2... per scenario, and gives the k-th user of a scenario that Gatling creates the k-th arrival. Users
 * due within the same millisecond on different event loops may swap slots; the slots' times stay the same. The
 * scenario's start is the earliest {@code creation - offset} seen, the offset truncated to the millisecond as Gatling's
 * injector truncates it, so a due time is never earlier than the real one (lateness is never overstated by the
 * estimate); see {@link Arrivals#next(long)}. Closed-model scenarios have no schedule: their requests are timed
 * from the moment the user reaches them.
 *
 * <p>A split of open arrivals over N workers (worker i takes arrivals k with k mod N = i) is
 * {@link #offsets(List, int, int)}: the numbering is defined here once. A worker then needs Gatling to inject only its
 * share (the same filtered stream as an injection step) and {@link Arrivals} built on that share.
 */
final class ArrivalSchedule {
    /** Session attribute holding the user's {@link UserClock}. */
    static final String ATTRIBUTE = "salvo.userClock";

    private final Map<String, Arrivals> byScenario;
    private final HiccupRecorder hiccups;
    private final long leadNanos;
    /** true when users created before their due time are held until it (a lead above 0) */
    private final boolean holds;

    private ArrivalSchedule(Map<String, Arrivals> byScenario, HiccupRecorder hiccups, long leadNanos) {
        this.byScenario = byScenario;
        this.hiccups = hiccups;
        this.leadNanos = leadNanos;
        this.holds = !byScenario.isEmpty() && leadNanos > 0;
    }

    /**
     * @param steps scenario name to its open injection steps (a closed-model scenario is absent)
     * @param hiccups the run's hiccup recorder (stalls since a user's creation are charged to its first request)
     * @param leadMillis how much later than Gatling's schedule Salvo's is ({@link ArrivalRelease})
     * @return the schedule
     */
    static ArrivalSchedule of(Map<String, List<OpenInjectionStep>> steps, HiccupRecorder hiccups, long leadMillis) {
        Map<String, Arrivals> byScenario = new HashMap<>();
        steps.forEach((name, list) -> byScenario.put(name, new Arrivals(offsets(list))));
        return new ArrivalSchedule(Map.copyOf(byScenario), hiccups, leadMillis * 1_000_000);
    }

    /** @return true when a user created before its due time is held until it ({@link ArrivalRelease}) */
    boolean holds() {
        return holds;
    }

    /** @return true when at least one scenario has a schedule */
    boolean scheduled() {
        return !byScenario.isEmpty();
    }

    /** @return users matched to an arrival so far, over all scenarios */
    long users() {
        return byScenario.values().stream().mapToLong(Arrivals::count).sum();
    }

    /**
     * The arrival offsets of a list of open injection steps, in order, as Gatling's injector computes them.
     *
     * @param steps the steps
     * @return offsets from the scenario's start
     */
    static Iterator<FiniteDuration> offsets(List<OpenInjectionStep> steps) {
        if (steps.size() == 1 && steps.get(0) instanceof WorkerShare.SharedOpen share) {
            return share.share(); // a worker's share: its own arrivals, without waiting for the start barrier
        }
        Iterator<FiniteDuration> stream = scala.collection.Iterator$.MODULE$.empty();
        for (int i = steps.size() - 1; i >= 0; i--) {
            stream = steps.get(i).chain(stream);
        }
        return stream;
    }

    /**
     * One worker's share of the arrivals when open arrivals are split over several workers: arrival k (numbered from 0
     * in the scenario's stream) goes to worker {@code k mod workers}.
     *
     * @param steps the scenario's open injection steps
     * @param worker this worker's index, 0-based
     * @param workers how many workers share the load
     * @return the offsets of this worker's arrivals, in order
     */
    static Iterator<FiniteDuration> offsets(List<OpenInjectionStep> steps, int worker, int workers) {
        long[] k = {0};
        return offsets(steps).filter(offset -> k[0]++ % workers == worker);
    }

    /**
     * Protocol start hook: a new user of a scheduled scenario gets its arrival.
     *
     * @param session the new user's session
     * @return the session with its {@link UserClock}, or unchanged for a closed-model scenario
     */
    Session arrive(Session session) {
        Arrivals arrivals = byScenario.get(session.scenario());
        if (arrivals == null) {
            return session;
        }
        long now;
        long due;
        synchronized (arrivals) {
            // the creation time is read with the slot taken: a thread descheduled between the two would otherwise hold
            // a
            // stale time against a later slot and pull the start estimate early for good (seen at load average 25)
            now = System.nanoTime();
            due = arrivals.next(now);
        }
        if (due == Long.MIN_VALUE) {
            return session; // more users than the profile holds: none to match
        }
        return session.set(ATTRIBUTE, new UserClock(due + leadNanos, now, hiccups.stallNanos()));
    }

    /**
     * @param session a user's session
     * @return its clock, or null when it has none (closed model, throttled, schedule unknown)
     */
    static UserClock clockOf(Session session) {
        scala.collection.immutable.Map<String, Object> attributes = session.attributes();
        return attributes.contains(ATTRIBUTE) ? (UserClock) attributes.apply(ATTRIBUTE) : null;
    }

    /** One scenario's arrivals in order, with the estimate of its start on this JVM's nanoTime. */
    static final class Arrivals {
        private final Iterator<FiniteDuration> offsets;
        private long index;
        private long startNanos = Long.MAX_VALUE;
        private static final long MILLI = 1_000_000;

        Arrivals(Iterator<FiniteDuration> offsets) {
            this.offsets = offsets;
        }

        /**
         * Call with {@code nowNanos} read while holding this object's lock, so that no other user takes a slot between.
         *
         * <p>Gatling's injector schedules a user whole milliseconds after its batch's tick ({@code Workload.injectUser}:
         * the delay's {@code toMillis}, from an elapsed time read from a millisecond clock), so it aims at the start
         * plus the offset truncated to the millisecond and never creates a user before that. The start is therefore
         * estimated as the earliest {@code creation - truncated offset} (never earlier than Gatling's own), and the due
         * time is that start plus the exact offset: for whole-millisecond offsets (evenly spaced arrivals) the two are
         * the same; for a randomized (Poisson) step's sub-millisecond offsets, estimating from the exact offsets would
         * pull the start up to 1 ms early and make every user look up to 1 ms later than it was.
         *
         * @param nowNanos the creation time of the next user
         * @return its due time (System.nanoTime): never after nowNanos by the offset's sub-millisecond part or more (a
         *     user Gatling created at its truncated time is a little early); Long.MIN_VALUE when the schedule is
         *     exhausted
         */
        synchronized long next(long nowNanos) {
            if (!offsets.hasNext()) {
                return Long.MIN_VALUE;
            }
            long offset = offsets.next().toNanos();
            long aimed = offset - offset % MILLI;
            index++;
            if (nowNanos - aimed < startNanos) {
                startNanos = nowNanos - aimed;
            }
            return startNanos + offset;
        }

        /** @return arrivals handed out so far */
        synchronized long count() {
            return index;
        }
    }

    /**
     * Reads the open injection steps of every scenario of the running simulation from Gatling's controller (Gatling 3.15
     * keeps them there and nowhere a protocol can see them).
     *
     * @param core Gatling's components
     * @return scenario name to open steps; empty when they cannot be read (then requests are timed from the moment the
     *     user reaches them, as in a closed model)
     * @throws ReflectiveOperationException when Gatling's internals differ from 3.15's
     */
    static Map<String, List<OpenInjectionStep>> openSteps(CoreComponents core) throws ReflectiveOperationException {
        Object controller = field(core.controller(), "actor");
        SimulationParams params = (SimulationParams) field(controller, "simulationParams");
        Map<String, List<OpenInjectionStep>> steps = new HashMap<>();
        for (PopulationBuilder p :
                CollectionConverters.asJava(PopulationBuilder.flatten(params.rootPopulationBuilders()))) {
            InjectionProfile profile = p.injectionProfile();
            if (profile instanceof OpenInjectionProfile) {
                @SuppressWarnings("unchecked")
                scala.collection.immutable.List<OpenInjectionStep> list =
                        (scala.collection.immutable.List<OpenInjectionStep>) field(profile, "steps");
                steps.put(
                        p.scenarioBuilder().name(),
                        Collections.unmodifiableList(new ArrayList<>(CollectionConverters.asJava(list))));
            }
        }
        return steps;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
