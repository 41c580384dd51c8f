package dev.salvo.runtime.internal;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static org.assertj.core.api.Assertions.assertThat;

import io.gatling.core.controller.inject.closed.ClosedInjectionStep;
import io.gatling.core.controller.inject.open.OpenInjectionStep;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import scala.concurrent.duration.FiniteDuration;

class WorkerShareTest {
    private static final StartBarrier NOW = new StartBarrier(null, Duration.ZERO);

    @Test
    void openSharesTogetherAreTheSingleMachineStreamAndEachCountsItsUsers() {
        List<OpenInjectionStep> steps = List.of(
                constantUsersPerSec(50).during(2).asScala(),
                rampUsers(31).during(1).asScala());
        List<Long> all = new ArrayList<>();
        ArrivalSchedule.offsets(steps).foreach(d -> all.add(d.toNanos()));
        List<Long> merged = new ArrayList<>();
        long users = 0;
        for (int w = 0; w < 3; w++) {
            WorkerShare.SharedOpen share = new WorkerShare.SharedOpen(steps, w, 3, NOW);
            List<Long> mine = new ArrayList<>();
            share.chain(scala.collection.Iterator$.MODULE$.empty()).foreach(d -> mine.add(d.toNanos()));
            assertThat(share.users()).isEqualTo(mine.size());
            assertThat(ArrivalSchedule.offsets(List.of(share)).size())
                    .as("the schedule reads the share")
                    .isEqualTo(mine.size());
            assertThat(share.duration()).isEqualTo(FiniteDuration.apply(3, "s"));
            users += share.users();
            merged.addAll(mine);
        }
        assertThat(users).isEqualTo(131);
        assertThat(merged.stream().sorted().toList()).isEqualTo(all);
    }

    @Test
    void closedSharesAddUpToTheStepsUsersAtEveryMoment() {
        ClosedInjectionStep ramp = rampConcurrentUsers(1).to(8).during(7).asScala();
        ClosedInjectionStep constant = constantConcurrentUsers(5).during(2).asScala();
        for (ClosedInjectionStep step : List.of(ramp, constant)) {
            for (int s = 0; s <= step.duration().toSeconds(); s++) {
                FiniteDuration t = FiniteDuration.apply(s, "s");
                int sum = 0;
                for (int w = 0; w < 3; w++) {
                    int mine = new WorkerShare.SharedClosed(step, w, 3, NOW).valueAt(t);
                    assertThat(mine).isBetween(step.valueAt(t) / 3, step.valueAt(t) / 3 + 1);
                    sum += mine;
                }
                assertThat(sum).as(step + " at " + s + " s").isEqualTo(step.valueAt(t));
            }
        }
        assertThat(new WorkerShare.SharedClosed(constant, 0, 3, NOW).valueAt(FiniteDuration.apply(0, "s")))
                .isEqualTo(2);
        ClosedInjectionStep two = constantConcurrentUsers(2).during(2).asScala();
        assertThat(new WorkerShare.SharedClosed(two, 1, 3, NOW).isEmpty()).isFalse();
        assertThat(new WorkerShare.SharedClosed(two, 2, 3, NOW).isEmpty())
                .as("never a user: empty")
                .isTrue();
        assertThat(new WorkerShare.SharedClosed(
                                rampConcurrentUsers(0).to(3).during(1).asScala(), 2, 3, NOW)
                        .isEmpty())
                .as("a user at the end")
                .isFalse();
        assertThat(new WorkerShare.SharedClosed(constant, 2, 3, NOW).valueAt(FiniteDuration.apply(0, "s")))
                .isEqualTo(1);
    }

    @Test
    void theBarrierShiftsTheScheduleToTheAgreedStartAndFlagsALateWorker() {
        // the bounds are measured around each call: a loaded CI machine may take more than a second to get there
        Instant start = Instant.now().plusMillis(3000);
        StartBarrier soon = new StartBarrier(start, Duration.ofMillis(200));
        List<Long> offsets = new ArrayList<>();
        long before = millisUntil(start);
        new WorkerShare.SharedOpen(List.of(constantUsersPerSec(2).during(1).asScala()), 0, 2, soon)
                .chain(scala.collection.Iterator$.MODULE$.empty())
                .foreach(d -> offsets.add(d.toMillis()));
        long after = millisUntil(start);
        assertThat(offsets).hasSize(1);
        assertThat(offsets.get(0))
                .as("the first arrival waits for the start")
                .isBetween(Math.max(0, after - 1), before);
        assertThat(soon.late()).isFalse();
        assertThat(soon.lateMillis()).isZero();

        Instant closedStart = Instant.now().plusMillis(3000);
        WorkerShare.SharedClosed closed = new WorkerShare.SharedClosed(
                constantConcurrentUsers(4).during(1).asScala(),
                1,
                2,
                new StartBarrier(closedStart, Duration.ofMillis(200)));
        long left = millisUntil(closedStart);
        long wait = closed.duration().toMillis() - 1000;
        long leftAfter = millisUntil(closedStart);
        assertThat(wait % 1000).as("whole ticks of Gatling's injector").isZero();
        assertThat(wait)
                .as("not before the barrier, at most a tick after it")
                .isBetween(Math.max(0, leftAfter - 1), left + 999);
        assertThat(closed.valueAt(FiniteDuration.apply(0, "s")))
                .as("no user before the start")
                .isZero();
        // Gatling asks at the end of each tick and starts the users over that tick: the tick ending at the wait is
        // before
        // the barrier, the next one starts at or after it
        assertThat(closed.valueAt(FiniteDuration.apply(wait, "ms")))
                .as("the tick before the barrier")
                .isZero();
        assertThat(closed.valueAt(FiniteDuration.apply(wait + 1000, "ms"))).isEqualTo(2);

        StartBarrier past = new StartBarrier(Instant.now().minusSeconds(5), Duration.ofMillis(200));
        WorkerShare.SharedClosed late = new WorkerShare.SharedClosed(
                constantConcurrentUsers(1).during(1).asScala(), 0, 2, past);
        assertThat(late.valueAt(FiniteDuration.apply(0, "s")))
                .as("a late worker starts at once")
                .isEqualTo(1);
        assertThat(past.late()).isTrue();
        assertThat(past.lateMillis()).isGreaterThanOrEqualTo(5000);
    }

    private static long millisUntil(Instant instant) {
        return Duration.between(Instant.now(), instant).toMillis();
    }
}
