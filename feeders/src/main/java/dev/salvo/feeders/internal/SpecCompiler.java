package dev.salvo.feeders.internal;

import dev.salvo.feeders.ParamType;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.Pool;
import dev.salvo.feeders.StrategyKind;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ColumnProfile;
import dev.salvo.sql.profile.ColumnType;
import dev.salvo.sql.profile.TableProfile;
import dev.salvo.sql.profile.ValueFrequency;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Checks parameter specs against profiles and pools and turns them into {@link Gen}s, before any load starts. */
public final class SpecCompiler {
    private final List<TableProfile> profiles;
    private final Map<String, Pool> pools;
    private final List<String> names;
    private final long seed;
    private final int workerIndex;
    private final int workerCount;

    /**
     * @param profiles the profiled tables
     * @param pools the (already sharded) pools by name
     * @param names the declared parameter names, in declaration order
     * @param seed the run seed (pool shuffles)
     * @param workerIndex this worker (sequences)
     * @param workerCount all workers
     */
    public SpecCompiler(
            List<TableProfile> profiles,
            Map<String, Pool> pools,
            List<String> names,
            long seed,
            int workerIndex,
            int workerCount) {
        this.workerIndex = workerIndex;
        this.workerCount = workerCount;
        this.profiles = profiles;
        this.pools = pools;
        this.names = names;
        this.seed = seed;
    }

    /** @param spec a spec @param all every spec, by declaration position @return its compiled strategy */
    public Gen compile(ParameterSpec spec, List<ParameterSpec> all) {
        StrategyKind s = spec.strategy();
        ParamType t = spec.type();
        return switch (s) {
            case CHOICE -> {
                if (spec.values().isEmpty()) {
                    throw error(spec, "choice values must be a non-empty list", "empty");
                }
                yield Gens.uniform(spec.values());
            }
            case RANDOM_NUMERIC -> randomNumeric(spec);
            case OFFSET_FROM_PREVIOUS -> {
                if (spec.dependsOn() == null) {
                    throw error(spec, "offset_from_previous must name its base with depends_on", "none");
                }
                if (spec.offsets().isEmpty()) {
                    throw error(
                            spec, "offset_from_previous offsets must be a non-empty list of numbers", spec.offsets());
                }
                int base = names.indexOf(spec.dependsOn());
                if (base >= 0 && all.get(base).strategy() == StrategyKind.SAMPLE_LIST) {
                    throw error(
                            spec,
                            "the base of offset_from_previous must be a single value",
                            "sample_list '" + spec.dependsOn() + "'");
                }
                if (base >= 0) {
                    checkOffsetBase(spec, all.get(base));
                }
                yield new OffsetGen(base, spec.dependsOn(), spec.offsets());
            }
            case SAMPLE_FROM_POOL -> {
                Pool pool = pools.get(spec.pool());
                if (pool == null) {
                    throw error(
                            spec,
                            "pool must be one of the registered pools " + List.copyOf(pools.keySet()),
                            "'" + spec.pool() + "'");
                }
                yield Gens.pool(pool.name(), pool.values(), spec.ordering(), seed);
            }
            case SEQUENCE -> {
                ColumnProfile c = column(spec);
                if (c.type() != ColumnType.INTEGER) {
                    throw error(
                            spec,
                            "sequence must be used on an integer column",
                            "column " + tableOf(c) + c.name() + " ("
                                    + c.type().name().toLowerCase(Locale.ROOT) + ")");
                }
                yield Gens.sequence((c.max() == null ? 0L : (Long) c.max()) + 1 + workerIndex, workerCount);
            }
            case RANDOM_IN_RANGE, SAMPLE_FROM_TABLE, WEIGHTED_SAMPLE, SAMPLE_LIST ->
                fromColumn(spec, column(spec), s, t);
        };
    }

    private Gen fromColumn(ParameterSpec spec, ColumnProfile c, StrategyKind s, ParamType t) {
        String where =
                "column " + tableOf(c) + c.name() + " (" + c.type().name().toLowerCase(Locale.ROOT) + ")";
        if (t == ParamType.DATE && !c.type().isTemporal()
                || t == ParamType.NUMERIC && !c.type().isNumeric()
                || t == ParamType.CHOICE
                || t != null && (t == ParamType.CATEGORICAL_LIST) != (s == StrategyKind.SAMPLE_LIST)) {
            throw error(
                    spec,
                    "type " + t.externalName() + " must fit strategy " + s.externalName() + " and the column",
                    where);
        }
        if (c.hasNoValues()) {
            throw error(
                    spec,
                    "the column must hold non-NULL values for " + s.externalName(),
                    where + " with " + c.totalRows() + " rows, " + c.nullCount()
                            + " NULL: empty table or all-NULL column");
        }
        return switch (s) {
            case RANDOM_IN_RANGE -> range(spec, c, where);
            case SAMPLE_FROM_TABLE -> Gens.uniform(sampleOrCommon(spec, c, where));
            case WEIGHTED_SAMPLE -> weighted(spec, c, where);
            default -> {
                List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(sampleOrCommon(spec, c, where)));
                yield new DistinctList(
                        distinct,
                        spec.counts().stream().mapToInt(Integer::intValue).toArray());
            }
        };
    }

    private Gen range(ParameterSpec spec, ColumnProfile c, String where) {
        if (!c.type().isRange()) {
            throw error(
                    spec,
                    "random_in_range must be used on a numeric, date or timestamp column (use sample_from_table or "
                            + "weighted_sample for others)",
                    where);
        }
        if (c.min() == null || c.max() == null) {
            throw error(
                    spec,
                    "random_in_range must be used on a column whose profile has a min and max",
                    where + " without them");
        }
        return switch (c.type()) {
            case INTEGER -> Gens.longs((Long) c.min(), (Long) c.max());
            case DECIMAL -> Gens.decimals((BigDecimal) c.min(), (BigDecimal) c.max());
            case FLOAT -> Gens.doubles((Double) c.min(), (Double) c.max());
            case DATE -> Gens.dates((LocalDate) c.min(), (LocalDate) c.max());
            case TIMESTAMPTZ -> Gens.timestampsTz((OffsetDateTime) c.min(), (OffsetDateTime) c.max());
            default -> Gens.timestamps((LocalDateTime) c.min(), (LocalDateTime) c.max());
        };
    }

    /**
     * weighted_sample: the most common values with their frequencies among non-NULL rows; the remaining share is drawn
     * uniformly from sampled values that are not among them. Without most common values it is sample_from_table.
     */
    private Gen weighted(ParameterSpec spec, ColumnProfile c, String where) {
        if (c.mostCommon().isEmpty()) {
            return Gens.uniform(sampleOrCommon(spec, c, where));
        }
        Set<Object> common = new HashSet<>();
        List<Object> outcomes = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (ValueFrequency v : c.mostCommon()) {
            common.add(v.value());
            outcomes.add(v.value());
            weights.add(v.frequency());
        }
        double rest = Math.max(0, 1 - c.nullFraction() - c.mostCommonFraction());
        List<Object> others =
                c.sample().stream().filter(v -> !common.contains(v)).toList();
        Gen restGen = null;
        if (rest > 1e-9 && !others.isEmpty()) {
            restGen = Gens.uniform(others);
            weights.add(rest);
        }
        return Gens.weighted(
                outcomes.toArray(),
                weights.stream().mapToDouble(Double::doubleValue).toArray(),
                restGen);
    }

    private static List<Object> sampleOrCommon(ParameterSpec spec, ColumnProfile c, String where) {
        if (!c.sample().isEmpty()) {
            return c.sample();
        }
        List<Object> out = c.mostCommon().stream().map(ValueFrequency::value).toList();
        if (out.isEmpty()) {
            throw error(
                    spec,
                    "the column profile must hold sampled or most common values for "
                            + spec.strategy().externalName(),
                    where + " without any");
        }
        return out;
    }

    private Gen randomNumeric(ParameterSpec spec) {
        Number min = spec.min();
        Number max = spec.max();
        if (min == null || max == null || max.doubleValue() < min.doubleValue()) {
            throw error(spec, "random_numeric bounds must satisfy min <= max", "min=" + min + ", max=" + max);
        }
        boolean whole =
                (min instanceof Long || min instanceof Integer) && (max instanceof Long || max instanceof Integer);
        return whole
                ? Gens.longs(min.longValue(), max.longValue())
                : Gens.doubles(min.doubleValue(), max.doubleValue());
    }

    /** Refuses, before load, a base that offsets cannot be added to (text, booleans): it would fail at every draw. */
    private void checkOffsetBase(ParameterSpec spec, ParameterSpec base) {
        String problem = switch (base.strategy()) {
            case RANDOM_IN_RANGE, SAMPLE_FROM_TABLE, WEIGHTED_SAMPLE, SEQUENCE -> {
                ColumnProfile c = column(base);
                yield c.type().isRange()
                        ? null
                        : "'" + base.name() + "' drawn from column " + tableOf(c) + c.name() + " ("
                                + c.type().name().toLowerCase(Locale.ROOT) + ")";
            }
            case CHOICE ->
                base.values().stream()
                        .filter(v -> !(v instanceof Number
                                || v instanceof LocalDate
                                || v instanceof LocalDateTime
                                || v instanceof OffsetDateTime))
                        .findFirst()
                        .map(v -> "'" + base.name() + "' with value "
                                + (v instanceof String ? "'" + v + "'" : String.valueOf(v)))
                        .orElse(null);
            default -> null;
        };
        if (problem != null) {
            throw error(spec, "the base of offset_from_previous must be a date, timestamp or number", problem);
        }
    }

    /** @return {@code "table."} of the profile holding this column, or "" */
    private String tableOf(ColumnProfile c) {
        for (TableProfile p : profiles) {
            if (p.columns().get(c.name()) == c) {
                return p.table() + ".";
            }
        }
        return "";
    }

    /** Resolves {@code table.column} or a column name unique across the profiles. */
    private ColumnProfile column(ParameterSpec spec) {
        String ref = spec.column();
        if (ref == null || ref.isBlank()) {
            throw error(spec, spec.strategy().externalName() + " must name a profiled column", "none");
        }
        int dot = ref.lastIndexOf('.');
        List<ColumnProfile> found = new ArrayList<>();
        List<String> known = new ArrayList<>();
        for (TableProfile p : profiles) {
            for (String col : p.columns().keySet()) {
                known.add(p.table() + "." + col);
                if (col.equals(ref)
                        || dot > 0 && p.table().equals(ref.substring(0, dot)) && col.equals(ref.substring(dot + 1))) {
                    found.add(p.columns().get(col));
                }
            }
        }
        if (found.size() != 1) {
            throw error(
                    spec,
                    "the column must be "
                            + (found.isEmpty()
                                    ? "one of the profiled columns " + known
                                    : "unambiguous (write table.column)"),
                    "'" + ref + "'");
        }
        return found.get(0);
    }

    private static SalvoException error(ParameterSpec spec, String rule, Object value) {
        return new SalvoException("parameter '" + spec.name() + "': " + rule + ", but was " + value);
    }
}
