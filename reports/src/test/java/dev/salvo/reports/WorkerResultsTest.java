package dev.salvo.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerResultsTest {
    @TempDir
    Path dir;

    private Path write(String worker, int index, int count) {
        // as a worker writes it: <results root>/worker-<i>/<simulation>-<timestamp>/
        return RunDirectory.write(
                dir.resolve("r1").resolve(worker).resolve("Sim-20261201210000000"),
                TestRuns.worker("Sim", "r1", index, count));
    }

    @Test
    void waitsForResultsThatAppearWhileItWaitsAndReturnsEveryWorkersRunDirectory() throws Exception {
        Path w0 = write("worker-0", 0, 3);
        CompletableFuture<List<Path>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return WorkerResults.await(List.of(dir.resolve("r1")), 3, Duration.ofMinutes(2), Duration.ofMillis(20));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        // a run directory without its histograms yet (being written) does not count
        Files.createDirectories(dir.resolve("r1/worker-1/partial"));
        Files.copy(w0.resolve("results.json"), dir.resolve("r1/worker-1/partial/results.json"));
        Path w2 = write("worker-2", 2, 3);
        Thread.sleep(300);
        assertThat(waiting).isNotDone();
        Path w1 = write("worker-1b", 1, 3);
        assertThat(waiting.get()).containsExactly(w0, w1, w2);
        assertThat(Merge.merge(waiting.get()).results().environment().workerCount())
                .isEqualTo(3);
    }

    @Test
    void aCompleteRunDirectoryInsideAHiddenDirectoryIsNotTakenForItIsAboutToBeRenamed() throws Exception {
        write("worker-0", 0, 2);
        // RunDirectory.write fills <parent>/.<name>-<random> and then renames it: as a worker's is mid-write
        RunDirectory.write(dir.resolve("r1/worker-1/.Sim-2-8091089025874648993"), TestRuns.worker("Sim", "r1", 1, 2));
        assertThatThrownBy(() -> WorkerResults.await(
                        List.of(dir.resolve("r1")), 2, Duration.ofMillis(200), Duration.ofMillis(20)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageEndingWith("but worker 1 is missing");
    }

    @Test
    void namesTheWorkersWhoseResultsNeverAppearedWhenTheTimeoutPasses() throws Exception {
        write("worker-1", 1, 3);
        Path root = dir.resolve("r1");
        assertThatThrownBy(() -> WorkerResults.await(List.of(root), 3, Duration.ofMillis(300), Duration.ofMillis(50)))
                .isInstanceOf(TimeoutException.class)
                .hasMessage("--wait-for 3: the results of all 3 workers must be complete in " + root
                        + " within 0.3s, but workers 0, 2 are missing");
    }

    @Test
    void aRootThatDoesNotExistYetIsWaitedFor() {
        Path root = dir.resolve("not-yet");
        assertThatThrownBy(() -> WorkerResults.await(List.of(root), 1, Duration.ofMillis(100), Duration.ofMillis(20)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageEndingWith("but worker 0 is missing");
    }

    @Test
    void refusesAWorkerIndexOutsideTheRun() {
        Path w5 = write("worker-5", 5, 6);
        assertThatThrownBy(() -> WorkerResults.await(
                        List.of(dir.resolve("r1")), 3, Duration.ofSeconds(5), Duration.ofMillis(20)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(w5 + ": its worker index must be in 0..2 (--wait-for 3), but was 5");
    }
}
