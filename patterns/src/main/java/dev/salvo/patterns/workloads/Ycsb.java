package dev.salvo.patterns.workloads;

import static dev.salvo.dsl.SqlDsl.insert;
import static dev.salvo.dsl.SqlDsl.mix;
import static dev.salvo.dsl.SqlDsl.pointLookup;
import static dev.salvo.dsl.SqlDsl.randomLong;
import static dev.salvo.dsl.SqlDsl.rangeScan;
import static dev.salvo.dsl.SqlDsl.transaction;
import static dev.salvo.dsl.SqlDsl.update;

import dev.salvo.dsl.MixBuilder;
import dev.salvo.dsl.SqlRequestBuilder;
import dev.salvo.feeders.ParameterStrategy;
import dev.salvo.patterns.JavaWorkload;
import dev.salvo.patterns.Pattern;
import dev.salvo.patterns.PatternException;
import dev.salvo.sql.QueryKind;
import io.gatling.javaapi.core.ActionBuilder;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The YCSB core workloads A to F ({@code ycsb-a} .. {@code ycsb-f}) on YCSB's JDBC table: {@code usertable} with
 * {@code YCSB_KEY} and {@code FIELD0..FIELD9}, 1,000 records per scale unit (YCSB's default {@code recordcount}), keys
 * {@code user<n>} (YCSB's {@code insertorder=ordered}), 100-character fields. As YCSB's JDBC binding does: a read
 * selects every field of one key, an update sets one field chosen uniformly, an insert writes every field of a new
 * key, a scan reads every field of up to {@code n} keys from a start key in key order.
 *
 * <ul>
 *   <li>A: read 50 / update 50, zipfian</li>
 *   <li>B: read 95 / update 5, zipfian</li>
 *   <li>C: read 100, zipfian</li>
 *   <li>D: read 95 / insert 5, latest (the most recently inserted keys most often)</li>
 *   <li>E: scan 95 / insert 5, zipfian start key, scan length uniform 1..100</li>
 *   <li>F: read 50 / read-modify-write 50, zipfian; the read-modify-write reads a key and updates one field of the
 *       same key (a transaction with the key shared; YCSB's JDBC binding runs the two statements in auto-commit)</li>
 * </ul>
 *
 * <p>zipfian is YCSB's scrambled zipfian (Gray et al.'s generator, constant 0.99, over 10^10 items, then FNV-1a-64
 * hashed onto the records), so the hot keys are spread over the key space. latest is YCSB's skewed-latest: zipfian
 * distance back from the newest inserted key. Java, not a template: the templates' strategies have neither.
 */
public class Ycsb implements JavaWorkload {
    /** YCSB's default recordcount: records per scale unit. */
    public static final long RECORDS_PER_SCALE = 1_000;

    static final int FIELDS = 10;
    static final int FIELD_LENGTH = 100;

    /** Needed by the pattern loader. */
    public Ycsb() {}

    @Override
    public ActionBuilder visit(Pattern pattern, int scale) {
        long records = RECORDS_PER_SCALE * scale;
        // the next key an insert writes; keys 0..records-1 are loaded (the count is per run: one per visit() call)
        AtomicLong nextInsert = new AtomicLong(records);
        ParameterStrategy<String> zipfian = key(new ScrambledZipfian(records));
        String letter = pattern.name().substring("ycsb-".length());
        MixBuilder m = mix(pattern.name()).percentages();
        return switch (letter) {
            case "a" -> m.add(50, readOf(zipfian)).add(50, updateOf(zipfian));
            case "b" -> m.add(95, readOf(zipfian)).add(5, updateOf(zipfian));
            case "c" -> m.add(100, readOf(zipfian));
            case "d" -> m.add(95, readOf(key(new SkewedLatest(nextInsert)))).add(5, insertNew(nextInsert));
            case "e" -> m.add(95, scanOf(zipfian)).add(5, insertNew(nextInsert));
            case "f" ->
                m.add(50, readOf(zipfian))
                        .add(
                                50,
                                transaction("read-modify-write")
                                        .kind(QueryKind.UPDATE)
                                        .param("key", zipfian)
                                        .param("field", randomLong(0, FIELDS - 1))
                                        .param("value", value())
                                        .statements(
                                                pointLookup("rmw read").query(READ_SQL),
                                                update("rmw update").query(UPDATE_SQL))
                                        .slo(Duration.ofMillis(20), Duration.ofMillis(100)));
            default ->
                throw new PatternException("pattern " + pattern.id() + ": its name must be ycsb-a .. ycsb-f, but was '"
                        + pattern.name() + "'");
        };
    }

    static final String READ_SQL = "SELECT * FROM usertable WHERE YCSB_KEY = :key";
    /** One field, chosen by {@code :field} (0..9), set to {@code :value}; the others are written back unchanged. */
    static final String UPDATE_SQL = "UPDATE usertable SET "
            + IntStream.range(0, FIELDS)
                    .mapToObj(i -> "FIELD" + i + " = CASE WHEN :field = " + i + " THEN :value ELSE FIELD" + i + " END")
                    .collect(Collectors.joining(", "))
            + " WHERE YCSB_KEY = :key";

    private static SqlRequestBuilder readOf(ParameterStrategy<String> key) {
        return pointLookup("read").query(READ_SQL).param("key", key).slo(Duration.ofMillis(10), Duration.ofMillis(50));
    }

    private static SqlRequestBuilder updateOf(ParameterStrategy<String> key) {
        return update("update")
                .query(UPDATE_SQL)
                .param("key", key)
                .param("field", randomLong(0, FIELDS - 1))
                .param("value", value())
                .slo(Duration.ofMillis(20), Duration.ofMillis(100));
    }

    private static SqlRequestBuilder scanOf(ParameterStrategy<String> key) {
        return rangeScan("scan")
                .query("SELECT * FROM usertable WHERE YCSB_KEY >= :key ORDER BY YCSB_KEY LIMIT :length")
                .param("key", key)
                .param("length", randomLong(1, 100))
                .slo(Duration.ofMillis(50), Duration.ofMillis(200));
    }

    private static SqlRequestBuilder insertNew(AtomicLong nextInsert) {
        SqlRequestBuilder ins = insert("insert")
                .query("INSERT INTO usertable (YCSB_KEY, "
                        + IntStream.range(0, FIELDS).mapToObj(i -> "FIELD" + i).collect(Collectors.joining(", "))
                        + ") VALUES (:key, "
                        + IntStream.range(0, FIELDS).mapToObj(i -> ":f" + i).collect(Collectors.joining(", ")) + ")")
                .param("key", (ParameterStrategy<String>) r -> "user" + nextInsert.getAndIncrement());
        for (int i = 0; i < FIELDS; i++) {
            ins = ins.param("f" + i, value());
        }
        return ins.slo(Duration.ofMillis(20), Duration.ofMillis(100));
    }

    /** @return YCSB's field value: 100 printable ASCII characters */
    static ParameterStrategy<String> value() {
        return r -> {
            char[] c = new char[FIELD_LENGTH];
            for (int i = 0; i < c.length; i++) {
                c[i] = (char) (' ' + 1 + r.nextInt(94));
            }
            return new String(c);
        };
    }

    private static ParameterStrategy<String> key(KeyNumbers keys) {
        return r -> "user" + keys.next(r);
    }

    /** Draws key numbers. */
    interface KeyNumbers {
        long next(RandomGenerator random);
    }

    /**
     * Gray et al.'s Zipfian generator ("Quickly generating billion-record synthetic databases", SIGMOD 1994) as YCSB
     * uses it: items {@code 0..n-1}, item 0 the most popular, constant {@code theta}. {@code zeta(n)} grows
     * incrementally when {@code n} does (skewed-latest).
     */
    static final class Zipfian {
        static final double THETA = 0.99;
        private final double zeta2 = zeta(0, 2, 0);
        private long n;
        private double zetan;
        private double eta;

        Zipfian(long n, double zetan) {
            this.n = n;
            this.zetan = zetan;
            this.eta = eta();
        }

        static Zipfian over(long n) {
            return new Zipfian(n, zeta(0, n, 0));
        }

        /** sum of 1/i^theta for i in (from, to], added to {@code initial} */
        static double zeta(long from, long to, double initial) {
            double sum = initial;
            for (long i = from; i < to; i++) {
                sum += 1 / Math.pow(i + 1, THETA);
            }
            return sum;
        }

        private double eta() {
            return (1 - Math.pow(2.0 / n, 1 - THETA)) / (1 - zeta2 / zetan);
        }

        /** @return an item in {@code 0..items-1}; grows the item count first when {@code items} is larger */
        synchronized long next(RandomGenerator random, long items) {
            if (items > n) {
                zetan = zeta(n, items, zetan);
                n = items;
                eta = eta();
            }
            double u = random.nextDouble();
            double uz = u * zetan;
            if (uz < 1) {
                return 0;
            }
            if (uz < 1 + Math.pow(0.5, THETA)) {
                return 1;
            }
            return (long) (n * Math.pow(eta * u - eta + 1, 1 / (1 - THETA)));
        }
    }

    /** YCSB's scrambled zipfian: zipfian over 10^10 items (zeta precomputed), FNV-1a-64 hashed onto {@code 0..n-1}. */
    static final class ScrambledZipfian implements KeyNumbers {
        static final long ITEMS = 10_000_000_000L;
        static final double ZETAN = 26.46902820178302;
        private final Zipfian zipfian = new Zipfian(ITEMS, ZETAN);
        private final long records;

        ScrambledZipfian(long records) {
            this.records = records;
        }

        @Override
        public long next(RandomGenerator random) {
            return Math.floorMod(fnv64(zipfian.next(random, ITEMS)), records);
        }
    }

    /** YCSB's skewed-latest: the newest inserted key minus a zipfian distance over the keys inserted so far. */
    static final class SkewedLatest implements KeyNumbers {
        private final AtomicLong nextInsert;
        private final Zipfian zipfian;

        SkewedLatest(AtomicLong nextInsert) {
            this.nextInsert = nextInsert;
            this.zipfian = Zipfian.over(nextInsert.get());
        }

        @Override
        public long next(RandomGenerator random) {
            long count = nextInsert.get();
            return count - 1 - zipfian.next(random, count);
        }
    }

    /** @return FNV-1a 64 of the value's 8 bytes, low byte first, made non-negative (as YCSB's Utils.fnvhash64) */
    static long fnv64(long value) {
        long hash = 0xCBF29CE484222325L;
        long v = value;
        for (int i = 0; i < 8; i++) {
            hash ^= v & 0xff;
            hash *= 1099511628211L;
            v >>= 8;
        }
        return Math.abs(hash);
    }
}
