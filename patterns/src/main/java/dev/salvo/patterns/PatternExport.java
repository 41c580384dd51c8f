package dev.salvo.patterns;

import dev.salvo.templates.Codegen;
import dev.salvo.templates.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a pattern's files into a directory to adapt and version: its manifest, DDL per dialect, seed, and workload
 * (the template with its row counts filled in at the scale, and the Java source: the class {@code Codegen} generates
 * from the template, or the Java workload's own source).
 */
public final class PatternExport {
    private PatternExport() {}

    /**
     * @param pattern the pattern
     * @param dir the directory; the files go into {@code dir/<name>/}, which must not exist yet
     * @param scale the scale the template's row counts are filled in at
     * @return the files written
     * @throws PatternException when the directory exists or cannot be written
     */
    public static List<Path> export(Pattern pattern, Path dir, int scale) {
        Path out = dir.resolve(pattern.name());
        if (Files.exists(out)) {
            throw new PatternException(
                    "export: " + out + " must not exist yet (Salvo does not overwrite files), but it does");
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(out);
            written.add(write(
                    out.resolve("pattern.yaml"),
                    Patterns.resource("salvo/patterns/" + pattern.name() + "/pattern.yaml")
                            .orElseThrow()));
            for (String f : List.of(
                    "postgres.sql", "snowflake.sql", "seed.yaml", "seed.sql", "after-seed.sql", "workload.yaml")) {
                if (pattern.files().containsKey(f)) {
                    written.add(write(out.resolve(f), pattern.file(f)));
                }
            }
            PatternWorkload w = new PatternWorkload(pattern, scale, new PatternWorkload.Load(1, null, 1), false);
            if (pattern.isTemplate()) {
                Template t = w.template();
                String cls = Codegen.className(t);
                written.add(write(out.resolve(cls + ".java"), Codegen.generate(t, "patterns")));
            } else {
                String cls = pattern.workloadClass().orElseThrow();
                String source = Patterns.resource(cls.replace('.', '/') + ".java")
                        .orElseThrow(() -> new PatternException(
                                "export: the source of " + cls + " must ship with Salvo, but is missing"));
                written.add(write(out.resolve(cls.substring(cls.lastIndexOf('.') + 1) + ".java"), source));
            }
        } catch (IOException e) {
            throw new PatternException("export: " + out + " must be writable, but " + e.getMessage(), e);
        }
        return written;
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
