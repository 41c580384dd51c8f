package dev.salvo.seed.internal;

import dev.salvo.seed.ColumnSpec;
import dev.salvo.seed.ForeignKeySpec;
import dev.salvo.seed.Gen;
import dev.salvo.seed.SeedSpec;
import dev.salvo.seed.TableSpec;
import dev.salvo.sql.SalvoException;
import dev.salvo.sql.profile.ColumnProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a {@link SeedSpec} against itself and (when given) the live catalog, and compiles it into a {@link Plan}.
 * Every problem is one line naming the table and column; nothing is written by planning.
 */
public final class Planner {
    private final SeedSpec spec;
    private final double scale;
    private final Map<String, Draft> drafts = new LinkedHashMap<>();

    /** What is known about one table before compiling. */
    private static final class Draft {
        TableSpec spec;
        Catalog.Table live;
        final List<String> columns = new ArrayList<>();
        final Map<String, ColumnSpec> columnSpecs = new HashMap<>();
        List<String> primaryKey;
        final List<List<String>> uniques = new ArrayList<>();
        final List<ForeignKeySpec> foreignKeys = new ArrayList<>();
        long rows;
        long[] prefix;
        ForeignKeySpec owner;
        final Map<String, ValueSource> sources = new HashMap<>();
        final Map<String, String> types = new HashMap<>();
        final Map<String, Plan.Column> compiled = new HashMap<>();
        final Map<String, ForeignKeySource> fkSources = new HashMap<>();
        Plan.Table table;
    }

    private Planner(SeedSpec spec, double scale) {
        this.spec = spec;
        this.scale = scale;
    }

    /**
     * @param spec the spec
     * @param scale the row-count multiplier, &gt; 0
     * @param live the live table of a name, or null when it does not exist; null to plan without a database
     * @return the plan
     * @throws SalvoException one line naming the culprit
     */
    public static Plan plan(SeedSpec spec, double scale, Function<String, Catalog.Table> live) {
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new SalvoException("seed: scale must be a finite number > 0, but was " + scale);
        }
        if (spec.tables().isEmpty()) {
            throw new SalvoException("seed: tables must name at least one table, but was empty");
        }
        return new Planner(spec, scale).run(live);
    }

    private Plan run(Function<String, Catalog.Table> live) {
        for (TableSpec t : spec.tables()) {
            drafts.put(t.name(), draft(t, live == null ? null : live.apply(t.name())));
        }
        List<TableOrder.Edge> edges = new ArrayList<>();
        for (Draft d : drafts.values()) {
            for (ForeignKeySpec fk : d.foreignKeys) {
                checkForeignKey(d, fk);
                boolean liveNullable = d.live != null
                        && fk.columns().stream().noneMatch(c -> d.live.column(c).notNull());
                edges.add(new TableOrder.Edge(d.spec.name(), fk.table(), fk.nullFraction() > 0 || liveNullable));
            }
            if (d.spec.perParent() != null) {
                edges.add(new TableOrder.Edge(d.spec.name(), d.spec.perParent().table(), false));
            }
        }
        List<String> order = TableOrder.order(new ArrayList<>(drafts.keySet()), edges);
        for (String name : order) {
            rows(drafts.get(name));
        }
        for (String name : order) {
            compile(drafts.get(name), false);
        }
        List<Plan.Table> tables = new ArrayList<>();
        for (String name : order) {
            compile(drafts.get(name), true);
            tables.add(drafts.get(name).table);
        }
        return new Plan(spec.seed(), tables);
    }

    private Draft draft(TableSpec t, Catalog.Table live) {
        String where = "table '" + t.name() + "'";
        Draft d = new Draft();
        d.spec = t;
        d.live = live;
        for (ColumnSpec c : t.columns()) {
            d.columnSpecs.put(c.name(), c);
        }
        if (live != null) {
            live.columns().forEach(c -> d.columns.add(c.name()));
            for (ColumnSpec c : t.columns()) {
                if (live.column(c.name()) == null) {
                    throw new SalvoException(where + " column '" + c.name() + "': must be a column of the live table "
                            + d.columns + ", but was not found");
                }
            }
            live.columns().forEach(c -> d.types.put(c.name(), c.type()));
        } else {
            t.columns().forEach(c -> d.columns.add(c.name()));
        }
        d.foreignKeys.addAll(t.foreignKeys());
        if (live != null) {
            for (ForeignKeySpec fk : live.foreignKeys()) {
                if (d.foreignKeys.stream().noneMatch(f -> f.columns().equals(fk.columns()))) {
                    d.foreignKeys.add(fk);
                }
            }
        }
        if (live == null) {
            for (ForeignKeySpec fk : d.foreignKeys) {
                fk.columns().stream().filter(c -> !d.columns.contains(c)).forEach(d.columns::add);
            }
            if (t.profile() != null) {
                t.profile().columns().keySet().stream()
                        .filter(c -> !d.columns.contains(c))
                        .forEach(d.columns::add);
            }
        }
        d.primaryKey = !t.primaryKey().isEmpty() || live == null ? t.primaryKey() : live.primaryKey();
        d.uniques.addAll(t.uniques());
        if (live != null) {
            live.uniques().stream().filter(u -> !d.uniques.contains(u)).forEach(d.uniques::add);
        }
        for (ColumnSpec c : t.columns()) {
            if (c.unique() && !d.uniques.contains(List.of(c.name())) && !d.primaryKey.equals(List.of(c.name()))) {
                d.uniques.add(List.of(c.name()));
            }
        }
        checkColumns(d, "primary key", d.primaryKey);
        for (List<String> u : d.uniques) {
            checkColumns(d, "unique key", u);
        }
        if (d.columns.isEmpty()) {
            throw new SalvoException(where + ": columns must be listed (or the table must exist), but there are none");
        }
        return d;
    }

    private static void checkColumns(Draft d, String what, List<String> columns) {
        for (String c : columns) {
            if (!d.columns.contains(c)) {
                throw new SalvoException("table '" + d.spec.name() + "' " + what + " (" + String.join(", ", columns)
                        + "): columns must be columns of the table " + d.columns + ", but '" + c + "' is not");
            }
        }
    }

    private void checkForeignKey(Draft d, ForeignKeySpec fk) {
        String where = "table '" + d.spec.name() + "' foreign key (" + String.join(", ", fk.columns()) + ")";
        Draft parent = drafts.get(fk.table());
        if (parent == null) {
            throw new SalvoException(where + ": the referenced table must be one of the spec's tables "
                    + drafts.keySet() + ", but was '" + fk.table() + "'");
        }
        if (fk.columns().isEmpty() || fk.columns().size() != fk.parentColumns().size()) {
            throw new SalvoException(
                    where + ": the referenced columns must match the key's columns one to one, but were "
                            + fk.parentColumns());
        }
        for (String c : fk.parentColumns()) {
            if (!parent.columns.contains(c)) {
                throw new SalvoException(where + ": the referenced column must be a column of '" + fk.table() + "' "
                        + parent.columns + ", but was '" + c + "'");
            }
        }
        if (!(fk.nullFraction() >= 0 && fk.nullFraction() <= 1)) {
            throw new SalvoException(where + ": nulls must be between 0 and 1, but was " + fk.nullFraction());
        }
        if (fk.zipfExponent() < 0 || Double.isNaN(fk.zipfExponent())) {
            throw new SalvoException(where + ": zipf must be > 0 (or 0 for uniform), but was " + fk.zipfExponent());
        }
        if (d.columnSpecs.values().stream().anyMatch(c -> fk.columns().contains(c.name()) && c.gen() != null)) {
            throw new SalvoException(
                    where + ": its columns must not have a generator (they take the parent's keys), but " + "one has");
        }
    }

    private void rows(Draft d) {
        TableSpec t = d.spec;
        String where = "table '" + t.name() + "'";
        if (t.rows() < -1) {
            throw new SalvoException(where + ": rows must be >= 0, but was " + t.rows());
        }
        if (t.perParent() != null) {
            TableSpec.PerParent pp = t.perParent();
            Draft parent = drafts.get(pp.table());
            if (parent == null) {
                throw new SalvoException(where + ": perParent table must be one of the spec's tables " + drafts.keySet()
                        + ", but was '" + pp.table() + "'");
            }
            if (pp.min() < 0 || pp.max() < pp.min()) {
                throw new SalvoException(
                        where + ": perParent must satisfy 0 <= min <= max, but was " + pp.min() + ".." + pp.max());
            }
            if (t.rows() >= 0) {
                throw new SalvoException(
                        where + ": rows must be left out when perParent sets them, but was " + t.rows());
            }
            d.owner = d.foreignKeys.stream()
                    .filter(f -> f.table().equals(pp.table()))
                    .findFirst()
                    .orElseThrow(() -> new SalvoException(
                            where + ": perParent needs a foreign key to '" + pp.table() + "', but there is none"));
            long parents = parent.rows;
            if (parents > Integer.MAX_VALUE - 1) {
                throw new SalvoException(where + ": perParent's parent rows must be at most " + (Integer.MAX_VALUE - 1)
                        + ", but were " + parents);
            }
            long[] prefix = new long[(int) parents + 1];
            CellRandom rnd = new CellRandom();
            long stream = CellRandom.stream(t.name(), "\0perParent");
            for (int p = 0; p < parents; p++) {
                rnd.reset(CellRandom.key(spec.seed(), stream, p));
                prefix[p + 1] = prefix[p] + pp.min() + rnd.nextInt(pp.max() - pp.min() + 1);
            }
            d.prefix = prefix;
            d.rows = prefix[(int) parents];
        } else if (t.rows() >= 0) {
            d.rows = Math.round(t.rows() * scale);
        } else if (t.profile() != null) {
            d.rows = Math.round(t.profile().totalRows() * scale);
        } else {
            throw new SalvoException(where + ": rows must be given (rows, perParent or a profile), but was missing");
        }
    }

    /** Pass 1 compiles the columns outside foreign keys of every table, pass 2 the foreign key columns. */
    private void compile(Draft d, boolean foreignKeyPass) {
        String table = d.spec.name();
        Set<String> singleKeys = new LinkedHashSet<>();
        if (d.primaryKey.size() == 1) {
            singleKeys.add(d.primaryKey.get(0));
        }
        d.uniques.stream().filter(u -> u.size() == 1).forEach(u -> singleKeys.add(u.get(0)));
        Map<String, ForeignKeySource> fkSources = d.fkSources;
        for (int i = 0; foreignKeyPass && i < d.foreignKeys.size(); i++) {
            ForeignKeySpec fk = d.foreignKeys.get(i);
            Draft parent = drafts.get(fk.table());
            if (fk.parentColumns().stream().anyMatch(c -> parent.sources.get(c) == null)) {
                throw new SalvoException("table '" + table + "' foreign key (" + String.join(", ", fk.columns())
                        + "): the referenced columns must not themselves reference a table that is loaded later, but "
                        + fk.parentColumns() + " do");
            }
            checkParentKey(d, fk, parent);
            if (parent.rows == 0 && d.rows > 0 && fk.nullFraction() < 1) {
                throw new SalvoException("table '" + table + "' foreign key (" + String.join(", ", fk.columns())
                        + "): the parent table '" + fk.table() + "' must have rows, but has 0");
            }
            ForeignKeySource s = new ForeignKeySource(
                    spec.seed(),
                    CellRandom.stream(table, "\0fk" + i),
                    fk,
                    parent.rows,
                    fk == d.owner ? d.prefix : null);
            for (String c : fk.columns()) {
                fkSources.putIfAbsent(c, s);
            }
        }
        for (String name : d.columns) {
            boolean inKey = d.foreignKeys.stream().anyMatch(f -> f.columns().contains(name));
            if (inKey != foreignKeyPass) {
                continue;
            }
            String where = "table '" + table + "' column '" + name + "'";
            ColumnSpec cs = d.columnSpecs.get(name);
            ColumnProfile profile =
                    d.spec.profile() == null ? null : d.spec.profile().columns().get(name);
            boolean unique = singleKeys.contains(name);
            String type = cs != null && cs.sqlType() != null ? cs.sqlType() : d.types.get(name);
            SqlType parsed = type == null ? null : SqlType.parse(type);
            if (cs != null && cs.sqlType() != null && parsed == null) {
                throw new SalvoException(
                        where + ": type must be one of " + SqlType.ACCEPTED + ", but was '" + cs.sqlType() + "'");
            }
            Cell cell = new Cell(spec.seed(), table, name, d.rows, where);
            ValueSource source;
            double nulls = cs != null ? cs.nullFraction() : profile != null ? profile.nullFraction() : 0;
            ForeignKeySource fk = fkSources.get(name);
            if (fk != null) {
                ForeignKeySpec key = d.foreignKeys.stream()
                        .filter(f -> f.columns().contains(name))
                        .findFirst()
                        .orElseThrow();
                Draft parent = drafts.get(key.table());
                String parentColumn = key.parentColumns().get(key.columns().indexOf(name));
                source = fk.column(parent.sources.get(parentColumn), parent.types.get(parentColumn));
                if (unique) {
                    throw new SalvoException(
                            where + ": a foreign key column must not be unique on its own (one-to-one keys are "
                                    + "not generated), but is");
                }
            } else {
                Gen gen = cs != null && cs.gen() != null
                        ? cs.gen()
                        : profile != null
                                ? new Gen.Profile(profile)
                                : parsed != null ? parsed.defaultGen(unique, name) : null;
                if (gen == null) {
                    throw new SalvoException(where + ": "
                            + (type == null
                                    ? "a generator or type must be given, but neither was"
                                    : "type must be one of " + SqlType.ACCEPTED
                                            + " (or give the column a generator), but was '" + type + "'"));
                }
                source = gen instanceof Gen.ChildIndex ? childIndex(d, cell) : Sources.compile(gen, cell, unique);
                Sources.checkUnique(cell, gen, source, unique);
            }
            if (!(nulls >= 0 && nulls <= 1)) {
                throw cell.error("nulls", "between 0 and 1", nulls);
            }
            if (nulls > 0 && d.primaryKey.contains(name)) {
                throw cell.error("nulls", "0 in a primary key column", nulls);
            }
            String sqlType = type != null ? type : source.sqlType();
            d.sources.put(name, source);
            d.types.put(name, sqlType);
            d.compiled.put(name, new Plan.Column(name, sqlType, source, fk != null ? 0 : nulls, cell.stream("null")));
        }
        if (!foreignKeyPass) {
            return;
        }
        List<Plan.Column> columns = new ArrayList<>();
        d.columns.forEach(c -> columns.add(d.compiled.get(c)));
        for (List<String> key : composite(d)) {
            boolean injective = key.stream().anyMatch(c -> d.sources.get(c).injective());
            boolean childKey = d.owner != null
                    && key.containsAll(d.owner.columns())
                    && key.stream()
                            .anyMatch(c -> d.columnSpecs.get(c) != null
                                    && d.columnSpecs.get(c).gen() instanceof Gen.ChildIndex);
            if (!injective && !childKey) {
                throw new SalvoException(
                        "table '" + table + "' unique key (" + String.join(", ", key) + "): must contain a "
                                + "column unique on its own or the per-parent key with child_index, but has neither");
            }
        }
        d.table = new Plan.Table(table, d.rows, columns, d.live != null, d.primaryKey, d.uniques, d.foreignKeys);
    }

    private static List<List<String>> composite(Draft d) {
        List<List<String>> keys = new ArrayList<>();
        if (d.primaryKey.size() > 1) {
            keys.add(d.primaryKey);
        }
        d.uniques.stream().filter(u -> u.size() > 1).forEach(keys::add);
        return keys;
    }

    private static void checkParentKey(Draft d, ForeignKeySpec fk, Draft parent) {
        List<String> key = fk.parentColumns();
        boolean declared = parent.primaryKey.equals(key)
                || parent.uniques.contains(key)
                || (key.size() == 1 && parent.sources.get(key.get(0)).injective());
        if (!declared) {
            throw new SalvoException("table '" + d.spec.name() + "' foreign key (" + String.join(", ", fk.columns())
                    + "): the referenced columns must be the primary key or a unique key of '" + fk.table() + "', but ("
                    + String.join(", ", key) + ") is neither");
        }
    }

    private static ValueSource childIndex(Draft d, Cell cell) {
        if (d.prefix == null) {
            throw cell.error("generator child_index", "used in a table with perParent", "used without it");
        }
        long[] prefix = d.prefix;
        long most = d.spec.perParent().max();
        return ValueSource.of(
                () -> (row, out) -> out.number(row - prefix[(int) ForeignKeySource.parentOf(prefix, row)] + 1),
                "integer",
                most,
                false);
    }
}
