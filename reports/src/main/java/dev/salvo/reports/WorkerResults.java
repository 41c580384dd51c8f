package dev.salvo.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Waits for the results of every worker of a distributed run, the way a merge step that starts beside the workers
 * must (the Kubernetes merge Job, docs/distributed.md): no shell loop in the image, one Java call.
 *
 * <p>A worker's run directory counts once it is complete: its {@code results.json} and every histogram log it names
 * read back ({@link RunDirectory#read}); a directory being written is looked at again at the next poll. Hidden
 * directories (a name starting with {@code .}) are never taken: {@link RunDirectory#write} fills such a temporary
 * directory and then renames it into place, so a complete one found there is about to move.
 */
public final class WorkerResults {
    /** How deep below each root run directories are looked for ({@code root/worker-3/Checkout-2026.../}). */
    static final int DEPTH = 3;

    private WorkerResults() {}

    /**
     * Waits until the run directories of workers 0..N-1 are complete below the roots.
     *
     * @param roots directories holding the workers' run directories (or run directories themselves), at any depth up
     *     to 3; they need not exist yet
     * @param workers N, the run's number of workers
     * @param timeout how long to wait at most
     * @param poll how long to sleep between looks
     * @return the complete run directories found (one per worker index, sorted by path), each checked readable
     * @throws TimeoutException with the one-line message naming the missing worker indexes, when the timeout passed
     * @throws InterruptedException when interrupted while sleeping
     * @throws IllegalArgumentException when {@code workers < 1} or a run directory names a worker index outside 0..N-1
     */
    public static List<Path> await(List<Path> roots, int workers, Duration timeout, Duration poll)
            throws TimeoutException, InterruptedException {
        if (workers < 1) {
            throw new IllegalArgumentException("--wait-for: must be at least 1, but was " + workers);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<Path, Integer> complete = new TreeMap<>();
        while (true) {
            for (Path dir : candidates(roots)) {
                if (!complete.containsKey(dir)) {
                    Integer index = workerIndex(dir);
                    if (index != null) {
                        if (index < 0 || index >= workers) {
                            throw new IllegalArgumentException(dir + ": its worker index must be in 0.." + (workers - 1)
                                    + " (--wait-for " + workers + "), but was " + index);
                        }
                        complete.put(dir, index);
                    }
                }
            }
            TreeSet<Integer> missing = missing(complete, workers);
            if (missing.isEmpty()) {
                return new ArrayList<>(complete.keySet());
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("--wait-for " + workers + ": the results of all " + workers
                        + " workers must be complete in "
                        + roots.stream().map(Path::toString).collect(Collectors.joining(", "))
                        + " within " + describe(timeout) + ", but " + (missing.size() == 1 ? "worker " : "workers ")
                        + missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
                        + (missing.size() == 1 ? " is" : " are") + " missing");
            }
            Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000 + 1)));
        }
    }

    private static TreeSet<Integer> missing(Map<Path, Integer> complete, int workers) {
        TreeSet<Integer> missing = new TreeSet<>();
        for (int i = 0; i < workers; i++) {
            missing.add(i);
        }
        missing.removeAll(complete.values());
        return missing;
    }

    /**
     * @return the directories below the roots (up to {@link #DEPTH}) that hold a {@code results.json}, none inside a
     *     hidden directory below a root
     */
    static List<Path> candidates(List<Path> roots) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.find(
                    root,
                    DEPTH + 1,
                    (p, a) -> a.isRegularFile() && p.getFileName().toString().equals(ResultsFiles.RESULTS_JSON))) {
                files.map(Path::getParent).filter(d -> !hiddenBelow(root, d)).forEach(found::add);
            } catch (IOException | UncheckedIOException e) {
                // a directory vanished or is being written while walked: look again at the next poll
            }
        }
        return found;
    }

    private static boolean hiddenBelow(Path root, Path dir) {
        for (Path name : root.relativize(dir)) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** @return the worker index of a complete run directory, null while it is incomplete or unreadable */
    private static Integer workerIndex(Path dir) {
        try {
            Environment env = RunDirectory.read(dir).results().environment();
            return env.mergedFrom().isEmpty() ? env.workerIndex() : null; // a merged run is no worker's

        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String describe(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
