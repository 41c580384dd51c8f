package dev.salvo.templates;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.salvo.templates.Template.FindMax;
import dev.salvo.templates.Template.Load;
import io.gatling.javaapi.core.CoreDsl;
import java.time.Duration;
import java.util.Locale;

/** Java source for a template's load: the {@code setUp(...)} block that {@link TemplateWorkload} builds directly. */
final class LoadCode {
    private static final ClassName CORE = ClassName.get(CoreDsl.class);
    private static final ClassName SQL = SpecCode.SQL_DSL;

    private LoadCode() {}

    static String describe(Load l) {
        String warm = l.warmupSeconds() > 0 ? " after a " + l.warmupSeconds() + " s warmup" : "";
        String ramp = l.rampSeconds() > 0 ? ", ramped up over " + l.rampSeconds() + " s" : "";
        return switch (l.mode()) {
            case CONCURRENCY ->
                l.concurrency() + " concurrent users for " + l.durationSeconds() + " s" + warm + ramp
                        + (l.thinkTimeMs() > 0 ? ", " + l.thinkTimeMs() + " ms think time" : "");
            case QPS ->
                String.format(
                        Locale.ROOT,
                        "%s queries per second for %d s%s%s",
                        number(l.targetQps()),
                        l.durationSeconds(),
                        warm,
                        ramp);
            case FIND_MAX_CONCURRENCY ->
                "find-max from " + l.findMax().startConcurrency() + " to "
                        + l.findMax().maxConcurrency() + " users, +"
                        + l.findMax().increment() + " every "
                        + l.findMax().stepSeconds() + " s";
        };
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    /** The total seconds: ramp (a literal, when there is one) + warmup + duration. */
    private static CodeBlock total(Load l) {
        return l.rampSeconds() > 0
                ? CodeBlock.of("$T.ofSeconds($L + WARMUP_SECONDS + DURATION_SECONDS)", Duration.class, l.rampSeconds())
                : CodeBlock.of("$T.ofSeconds(WARMUP_SECONDS + DURATION_SECONDS)", Duration.class);
    }

    static CodeBlock setUp(Template t) {
        Load l = t.load();
        CodeBlock visit = l.thinkTimeMs() > 0
                ? CodeBlock.of("$T.exec(WORKLOAD).pause($T.ofMillis($L))", CORE, Duration.class, l.thinkTimeMs())
                : CodeBlock.of("$T.exec(WORKLOAD)", CORE);
        CodeBlock.Builder b = CodeBlock.builder();
        if (l.mode() == Template.LoadMode.FIND_MAX_CONCURRENCY) {
            FindMax f = l.findMax();
            b.add(
                    "$T search = $T.findMax().startConcurrency($L).increment($L).maxConcurrency($L).stepDuration($L)",
                    ClassName.get("dev.salvo.dsl", "FindMaxBuilder"),
                    SQL,
                    f.startConcurrency(),
                    f.increment(),
                    f.maxConcurrency(),
                    f.stepSeconds());
            b.add(
                    "\n    .maxErrorRate($L).maxP95Degradation($L).minThroughputGain($L);\n",
                    Double.toString(f.maxErrorRatePercent() / 100),
                    Double.toString(f.maxP95Degradation()),
                    Double.toString(f.minThroughputGainPercent()));
        }
        b.add("setUp($T.scenario($S)", CORE, t.name())
                .indent()
                .indent()
                .indent()
                .indent();
        switch (l.mode()) {
            case CONCURRENCY -> {
                b.add("\n.during($L)\n.on($L)", total(l), visit);
                if (l.rampSeconds() > 0) {
                    b.add(
                            "\n.injectClosed($T.rampConcurrentUsers(0).to($L).during($L),",
                            CORE,
                            l.concurrency(),
                            l.rampSeconds());
                    b.add(
                            "\n    $T.constantConcurrentUsers($L).during($T.ofSeconds(WARMUP_SECONDS + DURATION_SECONDS))))",
                            CORE,
                            l.concurrency(),
                            Duration.class);
                } else {
                    b.add(
                            "\n.injectClosed($T.constantConcurrentUsers($L).during($L)))",
                            CORE,
                            l.concurrency(),
                            total(l));
                }
            }
            case QPS -> {
                b.add("\n.exec(WORKLOAD)");
                String qps = Double.toString(l.targetQps());
                if (l.rampSeconds() > 0) {
                    b.add("\n.injectOpen($T.rampUsersPerSec(0).to($L).during($L),", CORE, qps, l.rampSeconds());
                    b.add(
                            "\n    $T.constantUsersPerSec($L).during($T.ofSeconds(WARMUP_SECONDS + DURATION_SECONDS))))",
                            CORE,
                            qps,
                            Duration.class);
                } else {
                    b.add("\n.injectOpen($T.constantUsersPerSec($L).during($L)))", CORE, qps, total(l));
                }
            }
            case FIND_MAX_CONCURRENCY -> b.add("\n.forever()\n.on($L)\n.injectClosed(search.injection()))", visit);
        }
        b.unindent().unindent();
        String warmup = l.rampSeconds() > 0 ? l.rampSeconds() + " + WARMUP_SECONDS" : "WARMUP_SECONDS";
        b.add("\n.protocols($T.database().poolSize($L).warmup($L)", SQL, l.effectivePoolSize(), warmup);
        if (l.seed() != null) {
            b.add(".seed($LL)", l.seed());
        }
        b.add(l.mode() == Template.LoadMode.FIND_MAX_CONCURRENCY ? ".findMax(search))" : ")");
        if (l.mode() == Template.LoadMode.FIND_MAX_CONCURRENCY) {
            b.add("\n.maxDuration(search.maxDuration().plusSeconds(1 + $L))", warmup);
        } else {
            b.add("\n.maxDuration($L)", total(l));
        }
        if (l.targets().minOpsPerSecond() != null) {
            b.add(
                    "\n.assertions($T.global().requestsPerSec().gte($L))",
                    CORE,
                    Double.toString(l.targets().minOpsPerSecond()));
        }
        return b.add(";\n").unindent().unindent().build();
    }
}
