package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.salvo.sql.SalvoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ArrivalReleaseTest {
    @Test
    void aTaskRunsNoEarlierThanItsTimeOnTheTimerThread() throws InterruptedException {
        ArrivalRelease release = new ArrivalRelease();
        try {
            long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
            AtomicLong ranAt = new AtomicLong();
            CountDownLatch done = new CountDownLatch(1);
            String[] thread = new String[1];
            release.at(
                    () -> {
                        ranAt.set(System.nanoTime());
                        thread[0] = Thread.currentThread().getName();
                        done.countDown();
                    },
                    at);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ranAt.get()).isGreaterThanOrEqualTo(at);
            assertThat(thread[0]).isEqualTo("salvo-arrivals");
        } finally {
            release.stop();
        }
    }

    @Test
    void aTaskDueWithinFiftyMicrosecondsOrPastRunsOnTheCallingThreadNotBeforeItsTime() {
        ArrivalRelease release = new ArrivalRelease();
        try {
            long at = System.nanoTime() + 20_000;
            long[] ranAt = new long[1];
            release.at(() -> ranAt[0] = System.nanoTime(), at);
            assertThat(ranAt[0]).isGreaterThanOrEqualTo(at);
            release.at(() -> ranAt[0] = -1, System.nanoTime() - 1_000_000);
            assertThat(ranAt[0]).isEqualTo(-1);
        } finally {
            release.stop();
        }
    }

    @Test
    void theTimerThreadAsksLinuxForATimerSlackOfOneNanosecond() throws Exception {
        ArrivalRelease release = new ArrivalRelease();
        try {
            String[] slack = new String[1];
            CountDownLatch done = new CountDownLatch(1);
            release.at(
                    () -> {
                        try {
                            String self = Files.readSymbolicLink(Path.of("/proc/thread-self"))
                                    .getFileName()
                                    .toString();
                            slack[0] = Files.readString(Path.of("/proc", self, "timerslack_ns"))
                                    .trim();
                        } catch (java.io.IOException e) {
                            slack[0] = e.toString();
                        }
                        done.countDown();
                    },
                    System.nanoTime() + 1_000_000);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(slack[0]).isEqualTo("1");
        } finally {
            release.stop();
        }
    }

    @Test
    void awaitReturnsNoEarlierThanItsTime() {
        for (long ahead : new long[] {-1_000, 10_000, 500_000, 3_000_000}) {
            long at = System.nanoTime() + ahead;
            ArrivalRelease.await(at);
            assertThat(System.nanoTime()).as("ahead %d ns", ahead).isGreaterThanOrEqualTo(at);
        }
    }

    @Test
    void tasksHeldWhenTheRunStopsAreDropped() throws InterruptedException {
        ArrivalRelease release = new ArrivalRelease();
        AtomicLong ran = new AtomicLong();
        release.at(ran::incrementAndGet, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        assertThat(release.held()).isEqualTo(1);
        release.stop();
        release.at(ran::incrementAndGet, System.nanoTime() + TimeUnit.SECONDS.toNanos(1));
        Thread.sleep(1_200);
        assertThat(ran.get()).isZero();
    }

    @Test
    void theLeadIsAWholeNumberOfMillisecondsFromZeroToOneThousand() {
        String saved = System.getProperty(ArrivalRelease.LEAD_PROPERTY);
        try {
            System.clearProperty(ArrivalRelease.LEAD_PROPERTY);
            assertThat(ArrivalRelease.leadMillis()).isEqualTo(10);
            System.setProperty(ArrivalRelease.LEAD_PROPERTY, "0");
            assertThat(ArrivalRelease.leadMillis()).isZero();
            System.setProperty(ArrivalRelease.LEAD_PROPERTY, "2.5");
            assertThatThrownBy(ArrivalRelease::leadMillis)
                    .isInstanceOf(SalvoException.class)
                    .hasMessage("salvo.arrivalLeadMillis: the open-model arrival lead must be a whole number of"
                            + " milliseconds from 0 to 1000, but was '2.5'");
            System.setProperty(ArrivalRelease.LEAD_PROPERTY, "1001");
            assertThatThrownBy(ArrivalRelease::leadMillis).hasMessageContaining("but was '1001'");
        } finally {
            if (saved == null) {
                System.clearProperty(ArrivalRelease.LEAD_PROPERTY);
            } else {
                System.setProperty(ArrivalRelease.LEAD_PROPERTY, saved);
            }
        }
    }
}
