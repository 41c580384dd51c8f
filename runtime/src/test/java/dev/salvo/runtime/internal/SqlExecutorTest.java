package dev.salvo.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SqlExecutorTest {
    private static final long MS = 1_000_000;

    /** the SQL threads each test's executors made, to check that a drain ends them */
    private final List<Thread> made = new CopyOnWriteArrayList<>();

    private SqlExecutor executor(int threads) {
        AtomicInteger n = new AtomicInteger();
        return new SqlExecutor(threads, r -> {
            Thread t = new SqlThread(null, () -> true, r, "salvo-sql-" + n.incrementAndGet());
            made.add(t);
            return t;
        });
    }

    /** @return true when every SQL thread made so far has ended within the time */
    private boolean allEnded(long millis) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : made) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
        }
        return made.stream().noneMatch(Thread::isAlive);
    }

    @Test
    void aHeldRequestRunsNoEarlierThanItsTimeOnASqlThreadWithATimerSlackOfOneNanosecond() throws Exception {
        SqlExecutor sql = executor(2);
        try {
            long at = System.nanoTime() + 20 * MS;
            AtomicLong ranAt = new AtomicLong();
            String[] seen = new String[2];
            CountDownLatch done = new CountDownLatch(1);
            sql.executeAt(
                    () -> {
                        ranAt.set(System.nanoTime());
                        seen[0] = Thread.currentThread().getName();
                        try {
                            String self = Files.readSymbolicLink(Path.of("/proc/thread-self"))
                                    .getFileName()
                                    .toString();
                            seen[1] = Files.readString(Path.of("/proc", self, "timerslack_ns"))
                                    .trim();
                        } catch (java.io.IOException e) {
                            seen[1] = e.toString();
                        }
                        done.countDown();
                    },
                    at);
            assertThat(sql.held()).isEqualTo(1);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ranAt.get()).isGreaterThanOrEqualTo(at);
            assertThat(seen[0]).startsWith("salvo-sql-");
            assertThat(seen[1]).isEqualTo("1");
            assertThat(sql.held()).isZero();
        } finally {
            sql.shutdownNow();
        }
    }

    @Test
    void heldRequestsRunEarliestDueFirstAndAfterRequestsToRunNow() throws InterruptedException {
        SqlExecutor sql = executor(1);
        try {
            List<String> order = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(4);
            long now = System.nanoTime();
            // far enough apart that a stalled test thread (a loaded CI machine) cannot make "early" due before "now"
            sql.executeAt(() -> record(order, "late", done), now + 800 * MS);
            sql.executeAt(() -> record(order, "early", done), now + 400 * MS);
            sql.executeAt(() -> record(order, "past", done), now - MS);
            sql.execute(() -> record(order, "now", done));
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(order).containsExactly("past", "now", "early", "late");
        } finally {
            sql.shutdownNow();
        }
    }

    private static void record(List<String> order, String name, CountDownLatch done) {
        order.add(name);
        done.countDown();
    }

    @Test
    void idleSaysWhetherARequestWaitsForASqlThreadNotWhetherOneIsHeld() throws InterruptedException {
        SqlExecutor sql = executor(1);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            assertThat(sql.idle()).isTrue();
            sql.execute(() -> {
                busy.countDown();
                awaitQuietly(release);
            });
            assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(sql.idle()).as("the only thread is busy, nothing waits").isTrue();
            sql.executeAt(() -> {}, System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
            assertThat(sql.idle()).as("a request held, not due").isTrue();
            sql.executeAt(() -> {}, System.nanoTime() - MS);
            assertThat(sql.idle()).as("a held request past its due time waits").isFalse();
        } finally {
            release.countDown();
            sql.shutdownNow();
        }
        SqlExecutor other = executor(1);
        CountDownLatch release2 = new CountDownLatch(1);
        try {
            other.execute(() -> awaitQuietly(release2));
            other.execute(() -> {});
            assertThat(other.idle()).as("a request to run now waits").isFalse();
        } finally {
            release2.countDown();
            assertThat(other.drain(5_000, 100)).as("nothing left to cancel").isZero();
            assertThat(allEnded(5_000)).isTrue();
            assertThat(other.idle()).as("shut down").isFalse();
        }
    }

    @Test
    void aDrainRunsTheRequestsGivenAndDueButDropsThoseHeldForLater() throws InterruptedException {
        SqlExecutor sql = executor(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        sql.execute(() -> awaitQuietly(release));
        sql.execute(ran::incrementAndGet);
        sql.executeAt(ran::incrementAndGet, System.nanoTime() - MS);
        sql.executeAt(() -> ran.addAndGet(100), System.nanoTime() + TimeUnit.SECONDS.toNanos(30));
        Thread releaser = new Thread(() -> {
            sleepQuietly(200);
            release.countDown();
        });
        releaser.start();
        assertThat(sql.drain(10_000, 100)).as("all ended within the timeout").isZero();
        assertThat(allEnded(5_000)).isTrue();
        assertThat(ran.get()).isEqualTo(2);
        assertThatThrownBy(() -> sql.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
        assertThatThrownBy(() -> sql.executeAt(() -> {}, System.nanoTime()))
                .isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void aDrainPastItsTimeoutCancelsWhatStillRunsThenInterruptsIt() throws InterruptedException {
        SqlExecutor sql = executor(3);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger interrupted = new AtomicInteger();
        sql.execute(() -> SqlThread.current().serve(() -> {
            started.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
        }));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        assertThat(sql.drain(100, 200))
                .as("the one SQL thread serving, of three")
                .isEqualTo(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(300L, 20_000L);
        assertThat(allEnded(5_000)).isTrue();
        assertThat(interrupted.get()).isEqualTo(1);
    }

    @Test
    void aBurstOfRequestsGetsAThreadEachAtOnce() throws Exception {
        int n = 64;
        SqlExecutor sql = executor(n);
        try {
            // each request waits until all have started: only possible when every one has its own thread
            CyclicBarrier all = new CyclicBarrier(n);
            CountDownLatch done = new CountDownLatch(n);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            for (int i = 0; i < n; i++) {
                sql.execute(() -> {
                    threads.add(Thread.currentThread().getName());
                    try {
                        all.await(10, TimeUnit.SECONDS);
                        done.countDown();
                    } catch (Exception e) {
                        // the latch stays short
                    }
                });
            }
            assertThat(done.await(15, TimeUnit.SECONDS)).isTrue();
            assertThat(threads).hasSize(n);
        } finally {
            sql.shutdownNow();
        }
    }

    @Test
    void requestsGivenFromManyThreadsAtOnceRunEachExactlyOnce() throws Exception {
        SqlExecutor sql = executor(8);
        int submitters = 4;
        int each = 20_000;
        int[] runs = new int[submitters * each];
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> given = new ArrayList<>();
        for (int s = 0; s < submitters; s++) {
            int base = s * each;
            Thread t = new Thread(() -> {
                awaitQuietly(go);
                for (int i = 0; i < each; i++) {
                    int k = base + i;
                    Runnable task = () -> {
                        synchronized (runs) {
                            runs[k]++;
                        }
                        ran.incrementAndGet();
                    };
                    if (i % 3 == 0) {
                        // held requests, some already due, the rest due within 50 ms
                        sql.executeAt(task, System.nanoTime() + (i % 2 == 0 ? -MS : (i % 50) * MS));
                    } else {
                        sql.execute(task);
                    }
                }
            });
            t.start();
            given.add(t);
        }
        go.countDown();
        for (Thread t : given) {
            t.join(30_000);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (ran.get() < runs.length && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(ran.get()).isEqualTo(runs.length);
        synchronized (runs) {
            assertThat(runs).containsOnly(1);
        }
        assertThat(sql.idle()).isTrue();
        assertThat(sql.held()).isZero();
        assertThat(sql.drain(5_000, 100)).isZero();
        assertThat(allEnded(5_000)).isTrue();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
