package dev.salvo.sql.profile;

import dev.salvo.sql.Dialect;
import dev.salvo.sql.SalvoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Profile snapshot files: small YAML files, one per table, kept beside the simulation (by default
 * {@value #DEFAULT_DIRECTORY}/&lt;table&gt;.yaml) and committed, so that parameters are reproducible, reviewable and
 * available without database access. A snapshot is reused until a refresh is asked for.
 */
public final class ProfileSnapshots {
    /** Where snapshots live by default, relative to the project directory. */
    public static final String DEFAULT_DIRECTORY = "src/test/resources/salvo/profiles";

    private ProfileSnapshots() {}

    /** Opens a connection when (and only when) the database must be profiled. */
    @FunctionalInterface
    public interface ConnectionSource {
        /** @return a new connection, closed by the caller @throws SQLException when it cannot connect */
        Connection open() throws SQLException;
    }

    /**
     * @param directory the snapshot directory
     * @param table the table name (letters, digits, {@code _ . $ -})
     * @return {@code directory/<table>.yaml}
     */
    public static Path file(Path directory, String table) {
        if (table == null || !table.matches("[A-Za-z0-9_.$-]+") || table.contains("..")) {
            throw new SalvoException(
                    "profile snapshot: the table name must be usable as a file name ([A-Za-z0-9_.$-]+), " + "but was '"
                            + table + "'");
        }
        return directory.resolve(table + ".yaml");
    }

    /**
     * @param profile a profile
     * @return the canonical snapshot text, exactly what {@link #save} writes
     */
    public static String render(TableProfile profile) {
        return ProfileYaml.render(profile);
    }

    /**
     * @param profile a profile
     * @return the SHA-256 of its canonical text, lower-case hex (comments or formatting added by hand do not change it)
     */
    public static String sha256(TableProfile profile) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(render(profile).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * Writes the snapshot (through a temporary file, so a crash never leaves half a file).
     *
     * @param profile the profile
     * @param file the target file; missing directories are created
     * @return the snapshot
     */
    public static ProfileSnapshot save(TableProfile profile, Path file) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".salvo-profile", ".tmp");
            Files.writeString(tmp, render(profile), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SalvoException(file + ": the profile snapshot must be writable, but writing failed: " + e, e);
        }
        return new ProfileSnapshot(profile, file, sha256(profile), true);
    }

    /**
     * @param file a snapshot file
     * @return the snapshot
     * @throws SalvoException one line naming the file when it is missing or not a valid snapshot
     */
    public static ProfileSnapshot load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException
                    ? "it does not exist"
                    : e instanceof java.nio.file.AccessDeniedException
                            ? "access was denied"
                            : Files.isDirectory(file) ? "it is a directory" : String.valueOf(e.getMessage());
            throw new SalvoException(file + ": the profile snapshot must be readable, but " + why, e);
        }
        TableProfile profile;
        try {
            profile = ProfileYaml.parse(text);
        } catch (RuntimeException e) {
            throw new SalvoException(
                    file + ": the profile snapshot must be valid Salvo profile YAML (format "
                            + ProfileYaml.FORMAT + "), but "
                            + ProfilerSupport.oneLine(e).replaceFirst("^[a-z.]+:\\s*", "")
                            + "; fix it or delete it to re-profile",
                    e);
        }
        return new ProfileSnapshot(profile, file, sha256(profile), false);
    }

    /**
     * Reuses {@code directory/<table>.yaml} when it exists, holds every requested column and no refresh is asked;
     * otherwise profiles the table (requested columns plus those already in the file) and writes the file.
     *
     * @param directory the snapshot directory
     * @param table the table
     * @param columns the columns needed; empty means every column (the file is reused as it is)
     * @param refresh true to re-profile even when the file is usable
     * @param dialect the database's dialect
     * @param connections opens a connection when profiling is needed; may be null for offline runs
     * @param options how to profile
     * @return the snapshot
     * @throws SalvoException when profiling is needed but no connection source was given, or it fails
     */
    public static ProfileSnapshot loadOrProfile(
            Path directory,
            String table,
            List<String> columns,
            boolean refresh,
            Dialect dialect,
            ConnectionSource connections,
            ProfileOptions options) {
        Path file = file(directory, table);
        Set<String> wanted = new LinkedHashSet<>(columns);
        if (Files.exists(file)) {
            ProfileSnapshot existing = load(file);
            if (!refresh && existing.profile().columns().keySet().containsAll(wanted)) {
                return existing;
            }
            if (!wanted.isEmpty()) {
                wanted.addAll(existing.profile().columns().keySet());
            }
        }
        if (connections == null) {
            throw new SalvoException(
                    file + ": a profile snapshot with columns " + wanted + " must exist when no database is "
                            + "available, but "
                            + (Files.exists(file) ? "it lacks some (or a refresh was asked)" : "there is none")
                            + "; run once against the database to create it");
        }
        try (Connection c = connections.open()) {
            TableProfile profile = dialect.profiler().profile(c, table, new ArrayList<>(wanted), options);
            return save(profile, file);
        } catch (SQLException e) {
            throw new SalvoException(
                    "profile of table '" + table + "': the database must be reachable, but connecting failed: "
                            + ProfilerSupport.oneLine(e),
                    e);
        }
    }
}
