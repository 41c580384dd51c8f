package dev.salvo.sql.profile;

import java.nio.file.Path;

/**
 * A table profile together with the snapshot file it was read from or written to.
 *
 * @param profile the profile
 * @param file the snapshot file
 * @param sha256 the SHA-256 of the profile's canonical content, lower-case hex: record it in the run's results so that
 *     two runs can tell whether they generated parameters from the same profile
 * @param refreshed true when the database was profiled during this call, false when the file was reused
 */
public record ProfileSnapshot(TableProfile profile, Path file, String sha256, boolean refreshed) {}
