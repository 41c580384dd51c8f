package dev.salvo.seed;

import dev.salvo.sql.SalvoException;
import dev.salvo.sql.SnowflakeDialect;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Server-side seeding SQL for Snowflake: per table {@code CREATE TABLE IF NOT EXISTS} and one
 * {@code INSERT INTO ... SELECT ... FROM TABLE(GENERATOR(ROWCOUNT => n))}, the row index taken from
 * {@code ROW_NUMBER()} (gap-free, unlike {@code SEQ8()}). Every random value is {@code UNIFORM/NORMAL/ZIPF} driven by
 * {@code HASH(seed, '<table>.<column>', row)}, so a row's values are a pure function of the seed, the column and the
 * row index, as in the PostgreSQL loader (the values differ from PostgreSQL's: another generator). Tested as SQL text
 * only: not verified against a live Snowflake account.
 *
 * <p>Supported: sequence, int, decimal, float, date, timestamp, timestamptz, normal, lognormal, exponential (bounded
 * distributions are clamped, not redrawn), zipf, choice, letters ({@code RANDSTR}: letters and digits), uuid
 * (name-based, deterministic), boolean, constant, null fractions, and foreign keys to a parent's sequence column
 * (uniform or Zipf). Not supported (one-line error): beta, poisson, faker, child_index / perParent, profiles, and
 * unique on anything but sequence or uuid.
 */
public final class SnowflakeSeedSql {
    private static final SnowflakeDialect DIALECT = new SnowflakeDialect();
    private static final String UUID_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

    private SnowflakeSeedSql() {}

    /**
     * @param spec the spec (tables in the given order: list parents first)
     * @param scale the row-count multiplier
     * @return the statements, one per element, without trailing semicolons
     * @throws SalvoException one line naming a generator Snowflake SQL cannot express
     */
    public static List<String> statements(SeedSpec spec, double scale) {
        Seeder.check(spec, scale);
        List<String> out = new ArrayList<>();
        for (TableSpec t : spec.tables()) {
            long rows = Math.round(t.rows() * scale);
            List<String> defs = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<String> exprs = new ArrayList<>();
            for (ColumnSpec c : t.columns()) {
                String where = "table '" + t.name() + "' column '" + c.name() + "'";
                String expr = expression(spec.seed(), t, c, where);
                if (c.nullFraction() > 0) {
                    expr = "IFF(UNIFORM(0::FLOAT, 1::FLOAT, " + hash(spec.seed(), t.name(), c.name() + ":null") + ") < "
                            + c.nullFraction() + ", NULL, " + expr + ")";
                }
                names.add(DIALECT.quoteIdentifier(c.name()));
                exprs.add(expr + " AS " + DIALECT.quoteIdentifier(c.name()));
                defs.add(DIALECT.quoteIdentifier(c.name()) + " " + (c.sqlType() != null ? c.sqlType() : type(c.gen())));
            }
            for (ForeignKeySpec fk : t.foreignKeys()) {
                for (int i = 0; i < fk.columns().size(); i++) {
                    String col = fk.columns().get(i);
                    if (t.columnNamed(col) != null) {
                        continue;
                    }
                    names.add(DIALECT.quoteIdentifier(col));
                    exprs.add(foreignKey(spec, t, fk, i, scale) + " AS " + DIALECT.quoteIdentifier(col));
                    defs.add(DIALECT.quoteIdentifier(col) + " NUMBER(19,0)");
                }
            }
            out.add("CREATE TABLE IF NOT EXISTS " + DIALECT.quoteIdentifier(t.name()) + " (" + String.join(", ", defs)
                    + ")");
            out.add("INSERT INTO " + DIALECT.quoteIdentifier(t.name()) + " (" + String.join(", ", names) + ")\nSELECT "
                    + String.join(",\n       ", exprs) + "\nFROM (SELECT ROW_NUMBER() OVER (ORDER BY SEQ8()) - 1 AS rn "
                    + "FROM TABLE(GENERATOR(ROWCOUNT => " + rows + ")))");
        }
        return out;
    }

    private static String foreignKey(SeedSpec spec, TableSpec t, ForeignKeySpec fk, int i, double scale) {
        String where = "table '" + t.name() + "' foreign key (" + String.join(", ", fk.columns()) + ")";
        TableSpec parent = spec.tableNamed(fk.table());
        ColumnSpec key = parent.columnNamed(fk.parentColumns().get(i));
        if (!(key != null && key.gen() instanceof Gen.Sequence s) || parent.rows() < 0 || t.perParent() != null) {
            throw new SalvoException(where
                    + ": the referenced column must be a sequence of a table with rows for Snowflake " + "SQL, but was "
                    + (key == null || key.gen() == null
                            ? "a column without generator"
                            : key.gen().kind()));
        }
        long parents = Math.round(parent.rows() * scale);
        String gen = hash(spec.seed(), t.name(), "fk:" + String.join(",", fk.columns()));
        String row = fk.zipfExponent() > 0
                ? "(ZIPF(" + fk.zipfExponent() + ", " + parents + ", " + gen + ") - 1)"
                : "UNIFORM(0, " + (parents - 1) + ", " + gen + ")";
        String value = "(" + s.start() + " + " + s.step() + " * " + row + ")";
        return fk.nullFraction() > 0
                ? "IFF(UNIFORM(0::FLOAT, 1::FLOAT, "
                        + hash(spec.seed(), t.name(), "fk-null:" + String.join(",", fk.columns())) + ") < "
                        + fk.nullFraction() + ", NULL, " + value + ")"
                : value;
    }

    private static String expression(long seed, TableSpec t, ColumnSpec c, String where) {
        String g = hash(seed, t.name(), c.name());
        Gen gen = c.gen();
        if (gen == null) {
            throw new SalvoException(where
                    + ": a generator must be given for Snowflake SQL (no live catalog is read), but " + "none was");
        }
        if (c.unique() && !(gen instanceof Gen.Sequence || gen instanceof Gen.Uuid)) {
            throw new SalvoException(
                    where + ": the generator of a unique column must be sequence or uuid for Snowflake "
                            + "SQL, but was " + gen.kind());
        }
        if (gen instanceof Gen.Sequence s) {
            return "(" + s.start() + " + " + s.step() + " * rn)";
        } else if (gen instanceof Gen.IntRange r) {
            return "UNIFORM(" + r.min() + ", " + r.max() + ", " + g + ")";
        } else if (gen instanceof Gen.DecimalRange d) {
            BigDecimal lo = d.min().movePointRight(d.scale());
            BigDecimal hi = d.max().movePointRight(d.scale());
            return "(UNIFORM(" + lo.toBigInteger() + ", " + hi.toBigInteger() + ", " + g + ") / 1e" + d.scale()
                    + ")::NUMBER(38," + d.scale() + ")";
        } else if (gen instanceof Gen.FloatRange f) {
            return "UNIFORM(" + f.min() + "::FLOAT, " + f.max() + "::FLOAT, " + g + ")";
        } else if (gen instanceof Gen.DateRange d) {
            return "DATEADD(day, UNIFORM(0, " + (d.max().toEpochDay() - d.min().toEpochDay()) + ", " + g + "), '"
                    + d.min() + "'::DATE)";
        } else if (gen instanceof Gen.TimestampRange r) {
            long span = r.max().toEpochSecond(ZoneOffset.UTC) - r.min().toEpochSecond(ZoneOffset.UTC);
            return "DATEADD(second, UNIFORM(0, " + span + ", " + g + "), '" + r.min() + "'::TIMESTAMP_NTZ)";
        } else if (gen instanceof Gen.TimestamptzRange r) {
            long span = r.max().toEpochSecond() - r.min().toEpochSecond();
            return "DATEADD(second, UNIFORM(0, " + span + ", " + g + "), '" + r.min() + "'::TIMESTAMP_TZ)";
        } else if (gen instanceof Gen.Normal n) {
            return bounded("NORMAL(" + n.mean() + ", " + n.stddev() + ", " + g + ")", n.min(), n.max(), n.scale());
        } else if (gen instanceof Gen.LogNormal n) {
            return bounded("EXP(NORMAL(" + n.mu() + ", " + n.sigma() + ", " + g + "))", n.min(), n.max(), n.scale());
        } else if (gen instanceof Gen.Exponential e) {
            return bounded(
                    "(-" + e.mean() + " * LN(1 - UNIFORM(0::FLOAT, 0.9999999999::FLOAT, " + g + ")))",
                    e.min(),
                    e.max(),
                    e.scale());
        } else if (gen instanceof Gen.Zipf z) {
            return "(" + (z.min() - 1) + " + ZIPF(" + z.exponent() + ", " + (z.max() - z.min() + 1) + ", " + g + "))";
        } else if (gen instanceof Gen.Choice ch) {
            return choice(ch, g);
        } else if (gen instanceof Gen.Letters l) {
            return "RANDSTR(UNIFORM(" + l.minLength() + ", " + l.maxLength() + ", " + g + "), "
                    + hash(seed, t.name(), c.name() + ":text") + ")";
        } else if (gen instanceof Gen.Uuid) {
            return "UUID_STRING('" + UUID_NAMESPACE + "', '" + seed + ":" + literal(t.name() + "." + c.name())
                    + ":' || rn)";
        } else if (gen instanceof Gen.Bool b) {
            return "(UNIFORM(0::FLOAT, 1::FLOAT, " + g + ") < " + b.trueFraction() + ")";
        } else if (gen instanceof Gen.Constant k) {
            return "'" + literal(k.value()) + "'";
        }
        throw new SalvoException(
                where + ": the generator must be one of sequence, int, decimal, float, date, timestamp, "
                        + "timestamptz, normal, lognormal, exponential, zipf, choice, letters, uuid, boolean, constant for Snowflake "
                        + "SQL, but was " + gen.kind());
    }

    private static String choice(Gen.Choice c, String g) {
        double total = 0;
        for (int i = 0; i < c.values().size(); i++) {
            total += c.weights().isEmpty() ? 1 : c.weights().get(i);
        }
        StringBuilder b = new StringBuilder("CASE");
        String u = "UNIFORM(0::FLOAT, 1::FLOAT, " + g + ")";
        double acc = 0;
        for (int i = 0; i < c.values().size() - 1; i++) {
            acc += (c.weights().isEmpty() ? 1 : c.weights().get(i)) / total;
            b.append(" WHEN ")
                    .append(u)
                    .append(" < ")
                    .append(String.format(Locale.ROOT, "%.12f", acc))
                    .append(" THEN '")
                    .append(literal(c.values().get(i)))
                    .append('\'');
        }
        return b.append(" ELSE '")
                .append(literal(c.values().get(c.values().size() - 1)))
                .append("' END")
                .toString();
    }

    private static String bounded(String expr, double min, double max, int scale) {
        String clamped = "LEAST(" + max + ", GREATEST(" + min + ", " + expr + "))";
        return "ROUND(" + clamped + ", " + scale + ")";
    }

    private static String type(Gen gen) {
        if (gen instanceof Gen.Sequence || gen instanceof Gen.IntRange || gen instanceof Gen.Zipf) {
            return "NUMBER(19,0)";
        } else if (gen instanceof Gen.DecimalRange d) {
            return "NUMBER(38," + d.scale() + ")";
        } else if (gen instanceof Gen.Normal n) {
            return "NUMBER(38," + n.scale() + ")";
        } else if (gen instanceof Gen.LogNormal n) {
            return "NUMBER(38," + n.scale() + ")";
        } else if (gen instanceof Gen.Exponential e) {
            return "NUMBER(38," + e.scale() + ")";
        } else if (gen instanceof Gen.FloatRange) {
            return "FLOAT";
        } else if (gen instanceof Gen.DateRange) {
            return "DATE";
        } else if (gen instanceof Gen.TimestampRange) {
            return "TIMESTAMP_NTZ";
        } else if (gen instanceof Gen.TimestamptzRange) {
            return "TIMESTAMP_TZ";
        } else if (gen instanceof Gen.Bool) {
            return "BOOLEAN";
        }
        return "VARCHAR";
    }

    /** {@code HASH(seed, '<table>.<column>', rn)}: a per-row, per-column 64-bit value that UNIFORM and friends use. */
    private static String hash(long seed, String table, String column) {
        return "HASH(" + seed + ", '" + literal(table + "." + column) + "', rn)";
    }

    private static String literal(String s) {
        return s.replace("'", "''").replace("\\", "\\\\");
    }
}
