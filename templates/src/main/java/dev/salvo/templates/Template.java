package dev.salvo.templates;

import dev.salvo.feeders.ParameterSpec;
import dev.salvo.sql.Dialect;
import dev.salvo.sql.QueryKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A parsed and validated FlakeBench-format workload template (see {@code docs/templates.md}). Built only by
 * {@link TemplateParser}, so every instance has passed every check. Immutable.
 *
 * @param file the template's path as given
 * @param sha256 the SHA-256 of the template's bytes, in lower-case hex
 * @param name the template's name
 * @param description its description, or empty
 * @param version its version, or empty
 * @param category its category, or empty
 * @param table the table it runs against
 * @param queries the weighted queries, in template order
 * @param load how load is applied
 */
public record Template(
        String file,
        String sha256,
        String name,
        String description,
        String version,
        String category,
        Table table,
        List<Query> queries,
        Load load) {

    /**
     * The template's {@code table}.
     *
     * @param name the table name as stored in the catalog
     * @param database the database, or null
     * @param schema the schema, or null
     * @param columns the declared columns (name to type), possibly empty
     * @param primaryKey the primary key's columns, possibly empty
     * @param profileColumns the columns named under {@code profile_columns}
     */
    public record Table(
            String name,
            String database,
            String schema,
            Map<String, String> columns,
            List<String> primaryKey,
            List<String> profileColumns) {

        /** @return the table as written for profiles and column references: {@code schema.name} or {@code name} */
        public String reference() {
            return schema == null ? name : schema + "." + name;
        }

        /** @return the table quoted and qualified for SQL, e.g. {@code "public"."orders"} */
        public String quoted() {
            StringBuilder out = new StringBuilder();
            if (database != null) {
                out.append(Dialect.doubleQuote(database)).append('.');
            }
            if (schema != null) {
                out.append(Dialect.doubleQuote(schema)).append('.');
            }
            return out.append(Dialect.doubleQuote(name)).toString();
        }
    }

    /**
     * One entry of {@code custom_queries}, converted to Salvo's named-parameter SQL.
     *
     * @param kind the query kind ({@code GENERIC_SQL} read as GENERIC)
     * @param weightPercent the weight in percent, at most 2 decimals
     * @param name the request name: the {@code label}, else {@code <kind>_<position>}
     * @param operationType the {@code operation_type}, or empty
     * @param templateSql the SQL as written in the template
     * @param sql the SQL with {@code :name} parameters and the table substituted
     * @param parameters the parameter specs, in template order (implicit ones when the template gave none)
     */
    public record Query(
            QueryKind kind,
            BigDecimal weightPercent,
            String name,
            String operationType,
            String templateSql,
            String sql,
            List<ParameterSpec> parameters) {}

    /** The load model of {@code test.load_mode}. */
    public enum LoadMode {
        /** A closed model: a fixed number of users, each running one query after another. */
        CONCURRENCY,
        /** An open model: queries arrive at {@code target_qps} whatever the response times. */
        QPS,
        /** Salvo's find-max: step the concurrency up until the database stops keeping up. */
        FIND_MAX_CONCURRENCY
    }

    /**
     * The template's {@code test} section and its {@code salvo} additions.
     *
     * @param mode the load model
     * @param durationSeconds measured seconds (after the warmup)
     * @param warmupSeconds unmeasured seconds first
     * @param concurrency users of CONCURRENCY
     * @param targetQps arrivals per second of QPS
     * @param thinkTimeMs pause after each query of a closed-model user
     * @param findMax the find-max settings (FIND_MAX_CONCURRENCY)
     * @param targets the pass/fail targets
     * @param seed the parameter seed ({@code salvo.seed}), or null for {@code -Dsalvo.seed} / 1
     * @param poolSize connections in the pool ({@code salvo.pool_size}), or null for the mode's default
     * @param rampSeconds seconds to ramp users or arrivals up from zero ({@code salvo.ramp_seconds})
     */
    public record Load(
            LoadMode mode,
            long durationSeconds,
            long warmupSeconds,
            int concurrency,
            double targetQps,
            long thinkTimeMs,
            FindMax findMax,
            Targets targets,
            Long seed,
            Integer poolSize,
            long rampSeconds) {

        /**
         * @return the connections to pool: {@code salvo.pool_size}, else the highest concurrency the mode reaches
         *     (QPS: {@code concurrent_connections}, at least 8)
         */
        public int effectivePoolSize() {
            if (poolSize != null) {
                return poolSize;
            }
            return switch (mode) {
                case CONCURRENCY -> concurrency;
                case FIND_MAX_CONCURRENCY -> findMax.maxConcurrency();
                case QPS -> Math.max(8, concurrency);
            };
        }
    }

    /**
     * Find-max settings.
     *
     * @param startConcurrency users of the first step
     * @param increment users added per step
     * @param stepSeconds seconds per step
     * @param maxConcurrency the bound
     * @param maxErrorRatePercent largest stable error rate, in percent
     * @param maxP95Degradation largest stable ratio of a step's p95 to the first step's
     * @param minThroughputGainPercent smallest throughput rise that still counts as rising, in percent
     */
    public record FindMax(
            int startConcurrency,
            int increment,
            long stepSeconds,
            int maxConcurrency,
            double maxErrorRatePercent,
            double maxP95Degradation,
            double minThroughputGainPercent) {}

    /**
     * {@code test.targets}: each null when not given.
     *
     * @param minOpsPerSecond the lowest acceptable mean throughput (a Gatling assertion)
     * @param maxP95Millis p95 bound of every query (its SLO)
     * @param maxP99Millis p99 bound of every query (its SLO)
     * @param maxErrorRatePercent error-rate bound of every query, in percent (its SLO)
     */
    public record Targets(Double minOpsPerSecond, Long maxP95Millis, Long maxP99Millis, Double maxErrorRatePercent) {
        /** @return true when any latency or error target is set, replacing the kinds' default SLOs */
        public boolean setsSlo() {
            return maxP95Millis != null || maxP99Millis != null || maxErrorRatePercent != null;
        }
    }
}
