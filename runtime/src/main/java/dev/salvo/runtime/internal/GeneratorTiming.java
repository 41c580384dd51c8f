package dev.salvo.runtime.internal;

import dev.salvo.reports.GeneratorResults;
import io.gatling.core.CoreComponents;

/** Wires the run's {@link ArrivalSchedule} and {@link HiccupRecorder} into a run and its results. */
final class GeneratorTiming {
    /** {@link GeneratorResults#intendedStart()} when open-model requests are timed from their scheduled arrival. */
    static final String SCHEDULE = "schedule";
    /** {@link GeneratorResults#intendedStart()} when requests are timed from the moment a user reaches them. */
    static final String ACTION = "action";

    private GeneratorTiming() {}

    /**
     * @param core Gatling's components
     * @param hiccups the run's hiccup recorder
     * @param leadMillis Salvo's schedule's lead over Gatling's ({@link ArrivalRelease})
     * @return the open-model arrival schedule, or null when the simulation has no open-model scenario or Gatling's
     *     injection profiles cannot be read (a warning says so; requests are then timed from the moment users reach them)
     */
    static ArrivalSchedule schedule(CoreComponents core, HiccupRecorder hiccups, long leadMillis) {
        try {
            ArrivalSchedule schedule = ArrivalSchedule.of(ArrivalSchedule.openSteps(core), hiccups, leadMillis);
            return schedule.scheduled() ? schedule : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            System.out.println("[salvo] WARN open-model arrivals cannot be read from this Gatling version (" + e
                    + "): requests are timed from the moment a virtual user reaches them, so a stall of the load generator"
                    + " itself is not counted in response times");
            return null;
        }
    }

    /**
     * @param hiccups the run's hiccup recorder
     * @param arrivals the schedule, null when none
     * @return the generator's timing for the results
     */
    static GeneratorResults summary(HiccupRecorder hiccups, ArrivalSchedule arrivals) {
        return hiccups.summary(arrivals == null ? ACTION : SCHEDULE, arrivals == null ? 0 : arrivals.users());
    }
}
