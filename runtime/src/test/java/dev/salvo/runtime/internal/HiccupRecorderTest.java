package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.reports.GeneratorResults;
import java.nio.ByteBuffer;
import java.util.Base64;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HiccupRecorderTest {
    static final long MS = 1_000_000;

    @Test
    void aStallIsAddedUpListedAndInTheHistogramAndTimeline() throws Exception {
        HiccupRecorder recorder = new HiccupRecorder();
        long now = System.nanoTime();
        recorder.record(MS / 10, now); // timer slack: a hiccup, not a stall
        recorder.record(3 * MS, now); // a stall, too short to be listed
        recorder.record(800 * MS, now); // a stall, listed
        assertThat(recorder.stallNanos()).isEqualTo(803 * MS);
        recorder.charged(0);
        recorder.charged(500 * MS);
        GeneratorResults g = recorder.summary("schedule", 42);
        assertThat(g.intendedStart()).isEqualTo("schedule");
        assertThat(g.scheduledUsers()).isEqualTo(42);
        assertThat(g.stallMillis()).isEqualTo(803.0);
        assertThat(g.stalls())
                .singleElement()
                .satisfies(s -> assertThat(s.millis()).isEqualTo(800.0));
        assertThat(g.hiccupMicros().count()).isEqualTo(3);
        assertThat(g.lateMicros().count()).as("lateness charged to requests").isEqualTo(2);
        assertThat(g.lateMicros().max()).isBetween(499_000.0, 501_000.0);
        assertThat(g.hiccupMicros().max()).isBetween(799_000.0, 801_000.0);
        assertThat(g.hiccupTimeline()).singleElement().satisfies(p -> {
            assertThat(p.maxMicros()).isBetween(799_000.0, 801_000.0);
            assertThat(p.stallMillis()).isEqualTo(803.0);
            assertThat(p.lateCount()).isEqualTo(2);
            assertThat(p.lateMaxMicros()).isBetween(499_000.0, 501_000.0);
        });
        Histogram decoded = Histogram.decodeFromCompressedByteBuffer(
                ByteBuffer.wrap(Base64.getDecoder().decode(g.hiccupHistogram())), 0);
        assertThat(decoded.getTotalCount()).isEqualTo(3);
    }

    @Test
    void eachSecondCarriesTheJitsCompilationTimeInItNotSinceTheJvmStarted() throws Exception {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long before = jit.getTotalCompilationTime();
        assertThat(before).as("this JVM compiled JUnit before the test").isPositive();
        HiccupRecorder recorder = new HiccupRecorder();
        recorder.record(MS / 10, System.nanoTime());
        GeneratorResults g = recorder.summary("action", 0);
        long after = jit.getTotalCompilationTime();
        assertThat(g.hiccupTimeline())
                .singleElement()
                .satisfies(p -> assertThat(p.jitMillis()).isNotNull().isBetween(0.0, (double) (after - before)));
    }

    @Test
    void itsThreadRecordsWakeUpsUntilStopped() throws Exception {
        HiccupRecorder recorder = new HiccupRecorder().start();
        Thread.sleep(50);
        recorder.stop();
        long count = recorder.summary("action", 0).hiccupMicros().count();
        assertThat(count).isPositive();
        Thread.sleep(20);
        assertThat(recorder.summary("action", 0).hiccupMicros().count())
                .as("stopped")
                .isEqualTo(count);
    }

    @Test
    void theSleepIsFiveMillisecondsUnlessThePropertySaysOtherwiseWithinOneToAThousand() {
        String saved = System.getProperty(HiccupRecorder.SLEEP_PROPERTY);
        try {
            System.clearProperty(HiccupRecorder.SLEEP_PROPERTY);
            assertThat(HiccupRecorder.sleepMillis()).isEqualTo(5);
            System.setProperty(HiccupRecorder.SLEEP_PROPERTY, "1");
            assertThat(new HiccupRecorder().sleepNanos).isEqualTo(MS);
            System.setProperty(HiccupRecorder.SLEEP_PROPERTY, "0");
            org.assertj.core.api.Assertions.assertThatThrownBy(HiccupRecorder::sleepMillis)
                    .hasMessage(
                            "salvo.hiccupMillis: the hiccup recorder's sleep must be a whole number of milliseconds from 1"
                                    + " to 1000, but was '0'");
            System.setProperty(HiccupRecorder.SLEEP_PROPERTY, "2.5");
            org.assertj.core.api.Assertions.assertThatThrownBy(HiccupRecorder::sleepMillis)
                    .hasMessageEndingWith("but was '2.5'");
        } finally {
            if (saved == null) {
                System.clearProperty(HiccupRecorder.SLEEP_PROPERTY);
            } else {
                System.setProperty(HiccupRecorder.SLEEP_PROPERTY, saved);
            }
        }
    }
}
