package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyBuffersTest {
    private final LatencyBuffers buffers = new LatencyBuffers(RequestRecorder.MAX_TRACKED_NANOS, 3);

    private Histogram drained(int metric) {
        buffers.drain();
        return buffers.take(metric, null);
    }

    @Test
    void aReadingHoldsEveryValueRecordedBeforeItEvenIfNoBufferFilledUp() {
        buffers.record(1_000, 2_000, 3_000, 4_000);
        buffers.record(5_000, -1, -1, -1);

        Histogram response = drained(LatencyBuffers.RESPONSE);
        assertThat(response.getTotalCount()).isEqualTo(2);
        assertThat(response.getMaxValue()).isBetween(5_000L, 5_010L);
        // a negative value is absent: one service, wait and lag value each
        assertThat(buffers.take(LatencyBuffers.SERVICE, null).getTotalCount()).isEqualTo(1);
        Histogram wait = buffers.take(LatencyBuffers.WAIT, null);
        assertThat(wait.getTotalCount()).isEqualTo(1);
        assertThat(wait.getMinValue()).isBetween(2_995L, 3_000L);
        assertThat(buffers.take(LatencyBuffers.LAG, null).getMaxValue()).isBetween(4_000L, 4_005L);
    }

    @Test
    void aTakeStartsAfreshAndReusesTheHistogramHandedBack() {
        buffers.record(1_000, 1_000, 0, 0);
        Histogram first = drained(LatencyBuffers.RESPONSE);
        buffers.record(7_000, 7_000, 0, 0);
        buffers.record(8_000, 8_000, 0, 0);
        Histogram second = drained(LatencyBuffers.RESPONSE);
        assertThat(first.getTotalCount()).isEqualTo(1);
        assertThat(second.getTotalCount()).isEqualTo(2);
        assertThat(second.getMinValue()).isGreaterThanOrEqualTo(6_995L);

        Histogram third = buffers.take(LatencyBuffers.RESPONSE, first);
        assertThat(third.getTotalCount()).isZero();
        buffers.record(9_000, 9_000, 0, 0);
        assertThat(drained(LatencyBuffers.RESPONSE)).isSameAs(first);
        // the other metrics kept accumulating: their takes are independent of the response's
        assertThat(buffers.take(LatencyBuffers.SERVICE, null).getTotalCount()).isEqualTo(4);
    }

    @Test
    void aMetricNeverRecordedTakesEmptyAndTheOthersAreUnaffected() {
        assertThat(buffers.take(LatencyBuffers.RESPONSE, null).getTotalCount()).isZero();
        buffers.record(2_000, -1, -1, -1); // as the find-max judge records: response only
        buffers.record(3_000, -1, -1, -1);
        buffers.drain();
        Histogram service = buffers.take(LatencyBuffers.SERVICE, null);
        assertThat(service.getTotalCount()).isZero();
        service.recordValue(1); // the caller owns what it took: handed back, it is reset before reuse
        assertThat(buffers.take(LatencyBuffers.SERVICE, service)).isSameAs(service);
        assertThat(service.getTotalCount()).isZero();
        Histogram response = buffers.take(LatencyBuffers.RESPONSE, null);
        assertThat(response.getTotalCount()).isEqualTo(2);
        assertThat(response.getMinValue()).isBetween(1_995L, 2_000L);
    }

    @Test
    void manyThreadsLoseNoValueAcrossFullBuffersAndThreadsThatEnded() throws InterruptedException {
        int threads = 8;
        int each = LatencyBuffers.CAPACITY * 10 + 7; // ten full buffers and a part-filled one per thread
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long value = 1_000L * (t + 1);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    buffers.record(value, value, value, value);
                }
            });
            thread.start();
            started.add(thread);
        }
        start.countDown();
        // readings while the threads record: each takes what was there, nothing twice
        long taken = 0;
        Histogram recycle = null;
        for (int i = 0; i < 20; i++) {
            buffers.drain();
            Histogram h = buffers.take(LatencyBuffers.RESPONSE, recycle);
            taken += h.getTotalCount();
            recycle = h;
        }
        for (Thread thread : started) {
            thread.join();
        }
        // the threads are gone; their part-filled buffers are still drained
        taken += drained(LatencyBuffers.RESPONSE).getTotalCount();
        assertThat(taken).isEqualTo((long) threads * each);
        Histogram lag = buffers.take(LatencyBuffers.LAG, null);
        assertThat(lag.getTotalCount()).isEqualTo((long) threads * each);
        assertThat(lag.getMean()).isBetween(4_490.0, 4_510.0);
    }
}
