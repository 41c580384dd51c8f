package dev.salvo.reports.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Writing files and directories so that nobody sees them half-written. Internal. */
public final class Files2 {
    private Files2() {}

    /** Fills a directory. */
    @FunctionalInterface
    public interface DirectoryWriter {
        /**
         * @param dir an empty temporary directory to fill
         * @throws IOException when a file cannot be written
         */
        void fill(Path dir) throws IOException;
    }

    /**
     * Fills a temporary sibling directory, then renames it to {@code dir}. On failure, nothing is left behind.
     *
     * @param dir the directory to create; must not exist or be empty
     * @param writer fills it
     * @return {@code dir}
     */
    public static Path writeDirectory(Path dir, DirectoryWriter writer) {
        Path target = dir.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            if (!Files.isDirectory(target) || !isEmpty(target)) {
                throw new IllegalArgumentException(
                        dir + ": an output directory must not exist or be empty, but it holds files");
            }
        }
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + "-");
            writer.fill(temp);
            Files.deleteIfExists(target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            return dir;
        } catch (IOException e) {
            deleteTree(temp);
            throw new UncheckedIOException(dir + ": cannot write, " + e, e);
        } catch (RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
    }

    /**
     * Writes a file through a temporary sibling that is then moved into place.
     *
     * @param file the file
     * @param content its bytes
     */
    public static void writeAtomically(Path file, byte[] content) {
        Path temp = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            temp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
            Files.write(temp, content);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteTree(temp);
            throw new UncheckedIOException(file + ": cannot write, " + e, e);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** @param dir deleted with everything in it, quietly; null is ignored */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort
        }
    }
}
