package dev.salvo.templates;

import static dev.salvo.dsl.SqlDsl.database;
import static dev.salvo.dsl.SqlDsl.findMax;
import static dev.salvo.dsl.SqlDsl.sql;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import dev.salvo.dsl.FindMaxBuilder;
import dev.salvo.dsl.MixBuilder;
import dev.salvo.dsl.SqlProtocolBuilder;
import dev.salvo.dsl.SqlRequestBuilder;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.sql.QueryKind;
import dev.salvo.templates.Template.Load;
import dev.salvo.templates.Template.Query;
import dev.salvo.templates.Template.Targets;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template turned into Salvo's DSL objects: one request per query, a weighted mix, the injection of its load mode,
 * the protocol (pool, warmup, seed, find-max) and the throughput assertion. {@link TemplateSimulation} runs it;
 * {@link Codegen} writes the same calls as Java source.
 */
public final class TemplateWorkload {
    /** The system property that overrides {@code test.duration_seconds} (e.g. for a short smoke run). */
    public static final String DURATION_PROPERTY = "salvo.duration";
    /** The system property that overrides {@code test.warmup_seconds}. */
    public static final String WARMUP_PROPERTY = "salvo.warmup";

    private final Template template;
    private final long durationSeconds;
    private final long warmupSeconds;
    private final Map<String, SqlRequestBuilder> requests = new LinkedHashMap<>();

    private TemplateWorkload(Template template, long durationSeconds, long warmupSeconds) {
        this.template = template;
        this.durationSeconds = durationSeconds;
        this.warmupSeconds = warmupSeconds;
        for (Query q : template.queries()) {
            requests.put(q.name(), request(q, template.load().targets()));
        }
    }

    /**
     * @param template a parsed template
     * @return its workload, with durations from the template unless {@value #DURATION_PROPERTY} or
     *     {@value #WARMUP_PROPERTY} (seconds) are set
     */
    public static TemplateWorkload of(Template template) {
        return new TemplateWorkload(
                template,
                Long.getLong(DURATION_PROPERTY, template.load().durationSeconds()),
                Long.getLong(WARMUP_PROPERTY, template.load().warmupSeconds()));
    }

    /** @return the template */
    public Template template() {
        return template;
    }

    /**
     * The request of a query, exactly as {@link Codegen} writes it: {@code <kind>(name).query(sql).params(...)}, then the
     * targets' SLO.
     */
    static SqlRequestBuilder request(Query q, Targets targets) {
        SqlRequestBuilder b = (q.kind() == QueryKind.GENERIC
                        ? sql(q.name())
                        : dev.salvo.dsl.SqlDsl.request(q.kind(), q.name()))
                .query(q.sql());
        if (!q.parameters().isEmpty()) {
            b = b.params(q.parameters().toArray(ParameterSpec[]::new));
        }
        long[] slo = sloMillis(q.kind(), targets);
        if (slo != null) {
            b = b.slo(slo[0], slo[1]);
        }
        if (targets.maxErrorRatePercent() != null) {
            b = b.maxErrorRate(targets.maxErrorRatePercent() / 100);
        }
        return b;
    }

    /**
     * The p95 and p99 bounds of a query's SLO from the targets: a bound not given keeps the kind's default, lowered
     * (p95) or raised (p99) to the given one where needed; a kind without defaults (GENERIC) takes the given one for both.
     *
     * @return {p95, p99} in milliseconds, or null when the targets set neither
     */
    static long[] sloMillis(QueryKind kind, Targets targets) {
        Long p95 = targets.maxP95Millis();
        Long p99 = targets.maxP99Millis();
        if (p95 == null && p99 == null) {
            return null;
        }
        dev.salvo.runtime.Slo defaults = dev.salvo.runtime.Slo.defaultFor(kind);
        if (p95 == null) {
            p95 = defaults.p95() == null ? p99 : Math.min(p99, defaults.p95().toMillis());
        }
        if (p99 == null) {
            p99 = defaults.p99() == null ? p95 : Math.max(p95, defaults.p99().toMillis());
        }
        return new long[] {p95, p99};
    }

    /** @return each query's request, by request name, in template order */
    public Map<String, SqlRequestBuilder> requests() {
        return java.util.Collections.unmodifiableMap(requests);
    }

    /** @return the weighted mix of all requests (weights are percentages summing to 100) */
    public MixBuilder mix() {
        MixBuilder m = dev.salvo.dsl.SqlDsl.mix(template.name()).percentages();
        for (Query q : template.queries()) {
            m = m.add(q.weightPercent().doubleValue(), requests.get(q.name()));
        }
        return m;
    }

    private long rampSeconds() {
        return template.load().rampSeconds();
    }

    /** @return seconds from the start to the end of measurement: ramp, warmup, then the measured duration */
    public long totalSeconds() {
        return rampSeconds() + warmupSeconds + durationSeconds;
    }

    /** @return the find-max search of FIND_MAX_CONCURRENCY, or null */
    public FindMaxBuilder search() {
        Load l = template.load();
        if (l.mode() != Template.LoadMode.FIND_MAX_CONCURRENCY) {
            return null;
        }
        Template.FindMax f = l.findMax();
        return findMax()
                .startConcurrency(f.startConcurrency())
                .increment(f.increment())
                .maxConcurrency(f.maxConcurrency())
                .stepDuration(f.stepSeconds())
                .maxErrorRate(f.maxErrorRatePercent() / 100)
                .maxP95Degradation(f.maxP95Degradation())
                .minThroughputGain(f.minThroughputGainPercent());
    }

    /** @return the scenario with its injection */
    public PopulationBuilder population() {
        Load l = template.load();
        Duration total = Duration.ofSeconds(totalSeconds());
        ChainBuilder visit = l.thinkTimeMs() > 0 ? exec(mix()).pause(Duration.ofMillis(l.thinkTimeMs())) : exec(mix());
        return switch (l.mode()) {
            case CONCURRENCY -> {
                var users = scenario(template.name()).during(total).on(visit);
                yield rampSeconds() > 0
                        ? users.injectClosed(
                                rampConcurrentUsers(0).to(l.concurrency()).during(rampSeconds()),
                                constantConcurrentUsers(l.concurrency()).during(total.minusSeconds(rampSeconds())))
                        : users.injectClosed(
                                constantConcurrentUsers(l.concurrency()).during(total));
            }
            case QPS -> {
                var arrivals = scenario(template.name()).exec(mix());
                yield rampSeconds() > 0
                        ? arrivals.injectOpen(
                                rampUsersPerSec(0).to(l.targetQps()).during(rampSeconds()),
                                constantUsersPerSec(l.targetQps()).during(total.minusSeconds(rampSeconds())))
                        : arrivals.injectOpen(constantUsersPerSec(l.targetQps()).during(total));
            }
            case FIND_MAX_CONCURRENCY ->
                scenario(template.name()).forever().on(visit).injectClosed(search().injection());
        };
    }

    /** @return the database protocol: pool size, warmup (ramp included), seed and find-max */
    public SqlProtocolBuilder protocol() {
        Load l = template.load();
        SqlProtocolBuilder p = database().poolSize(l.effectivePoolSize()).warmup(rampSeconds() + warmupSeconds);
        if (l.seed() != null) {
            p = p.seed(l.seed());
        }
        return l.mode() == Template.LoadMode.FIND_MAX_CONCURRENCY ? p.findMax(search()) : p;
    }

    /** @return the longest the run may last */
    public Duration maxDuration() {
        return template.load().mode() == Template.LoadMode.FIND_MAX_CONCURRENCY
                ? search().maxDuration().plusSeconds(1 + rampSeconds() + warmupSeconds)
                : Duration.ofSeconds(totalSeconds());
    }

    /** @return Gatling assertions: {@code min_ops_per_second} as the mean throughput's lower bound */
    public List<Assertion> assertions() {
        Double ops = template.load().targets().minOpsPerSecond();
        return ops == null ? List.of() : List.of(global().requestsPerSec().gte(ops));
    }
}
