package dev.salvo.patterns;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One built-in workload pattern: a versioned directory of resources under {@code salvo/patterns/<name>/} holding its
 * manifest ({@code pattern.yaml}), DDL per dialect ({@code postgres.sql}, optionally {@code snowflake.sql}), its seed
 * ({@code seed.yaml}, a seed spec scaled by the scale factor, or {@code seed.sql}, server-side SQL with
 * {@code ${scale}}) and its workload ({@code workload.yaml}, a FlakeBench template, or a Java class).
 *
 * @param name the pattern's name, e.g. {@code tpcb-like}
 * @param version its version; a change to schema, seed or workload increments it
 * @param description one sentence
 * @param workloadClass the Java workload's class name, or empty when the workload is {@code workload.yaml}
 * @param why why the workload is Java rather than a template (empty for templates)
 * @param defaultScale the scale used when none is given
 * @param users closed-model users by default
 * @param durationSeconds measured seconds by default
 * @param tables each table with its rows per scale unit, in creation order
 * @param mix each request (or transaction) name with its declared weight in percent
 * @param distributions how keys and values are drawn, one line per parameter
 * @param slo the SLO bounds, e.g. {@code p95 50 ms, p99 200 ms}
 * @param files the pattern's resource files by name ({@code postgres.sql}, {@code seed.yaml}, ...)
 */
public record Pattern(
        String name,
        int version,
        String description,
        Optional<String> workloadClass,
        String why,
        int defaultScale,
        int users,
        int durationSeconds,
        Map<String, Long> tables,
        Map<String, Double> mix,
        List<String> distributions,
        String slo,
        Map<String, String> files) {

    /** @return {@code name@version}, recorded in each run's results as config key {@code pattern} */
    public String id() {
        return name + "@" + version;
    }

    /** @return true when the workload is a FlakeBench template ({@code workload.yaml}) */
    public boolean isTemplate() {
        return workloadClass.isEmpty();
    }

    /**
     * @param dialect {@code postgres} or {@code snowflake}
     * @return the DDL for this dialect, if the pattern ships it
     */
    public Optional<String> ddl(String dialect) {
        return Optional.ofNullable(files.get(dialect + ".sql"));
    }

    /**
     * @param file a resource name such as {@code seed.yaml}
     * @return its text
     * @throws PatternException when the pattern has no such file
     */
    public String file(String file) {
        String text = files.get(file);
        if (text == null) {
            throw new PatternException(
                    "pattern " + id() + ": file must be one of " + files.keySet() + ", but was '" + file + "'");
        }
        return text;
    }

    /**
     * @param scale the scale factor (at least 1)
     * @return each table's row count at this scale
     */
    public Map<String, Long> rows(int scale) {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        tables.forEach((t, perUnit) -> out.put(t, perUnit * scale));
        return out;
    }
}
