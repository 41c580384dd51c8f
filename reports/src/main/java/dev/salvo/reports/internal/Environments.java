package dev.salvo.reports.internal;

import dev.salvo.reports.Environment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Detects the environment of a run without starting processes. Internal. */
public final class Environments {
    private Environments() {}

    /** @return git commit of the working directory (when in git), versions, OS; a single worker */
    public static Environment detect() {
        String version = salvoVersion();
        return new Environment(
                gitCommit(Path.of("").toAbsolutePath()),
                version,
                System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                0,
                1,
                List.of());
    }

    /** @return Salvo's version from the build (a filtered resource), e.g. {@code 0.1.0-SNAPSHOT} */
    public static String salvoVersion() {
        try (java.io.InputStream in =
                Environments.class.getResourceAsStream("/dev/salvo/reports/salvo-version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            String version = p.getProperty("version");
            if (version != null && !version.isBlank() && !version.startsWith("${")) {
                return version;
            }
        } catch (IOException e) {
            // fall through to the manifest
        }
        return Optional.ofNullable(Environments.class.getPackage().getImplementationVersion())
                .orElse("unknown");
    }

    /**
     * Reads {@code .git/HEAD} (and the ref it names, loose or packed) in the directory or its nearest parent.
     *
     * @param from where to start looking
     * @return the commit's hash, or null when not in a git work tree or it cannot be read
     */
    public static String gitCommit(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path git = dir.resolve(".git");
            if (Files.isDirectory(git)) {
                try {
                    String head = Files.readString(git.resolve("HEAD")).trim();
                    if (!head.startsWith("ref: ")) {
                        return head;
                    }
                    String ref = head.substring(5);
                    Path loose = git.resolve(ref);
                    if (Files.isRegularFile(loose)) {
                        return Files.readString(loose).trim();
                    }
                    Path packed = git.resolve("packed-refs");
                    if (Files.isRegularFile(packed)) {
                        return Files.readAllLines(packed).stream()
                                .filter(l -> l.endsWith(" " + ref))
                                .map(l -> l.substring(0, l.indexOf(' ')))
                                .findFirst()
                                .orElse(null);
                    }
                } catch (IOException | RuntimeException e) {
                    return null;
                }
                return null;
            }
        }
        return null;
    }
}
