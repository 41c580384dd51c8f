package dev.salvo.templates;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.salvo.dsl.SqlDsl;
import dev.salvo.feeders.ParamType;
import dev.salvo.feeders.ParameterSpec;
import dev.salvo.feeders.StrategyKind;
import java.time.LocalDate;
import java.util.List;

/** Java source for one parameter spec: the {@link SqlDsl} call that builds an equal spec, and value literals. */
final class SpecCode {
    static final ClassName SQL_DSL = ClassName.get(SqlDsl.class);

    private SpecCode() {}

    static CodeBlock of(ParameterSpec s) {
        CodeBlock.Builder b = CodeBlock.builder();
        String n = s.name();
        switch (s.strategy()) {
            case CHOICE -> b.add("$T.choice($S, $T.of($L))", SQL_DSL, n, List.class, literals(s.values()));
            case RANDOM_IN_RANGE -> b.add("$T.randomInRange($S, $S)", SQL_DSL, n, s.column());
            case SAMPLE_FROM_TABLE -> b.add("$T.sampleFromTable($S, $S)", SQL_DSL, n, s.column());
            case WEIGHTED_SAMPLE -> b.add("$T.weightedSample($S, $S)", SQL_DSL, n, s.column());
            case SEQUENCE -> b.add("$T.sequence($S, $S)", SQL_DSL, n, s.column());
            case OFFSET_FROM_PREVIOUS ->
                b.add("$T.offsetFromPrevious($S, $S, $L)", SQL_DSL, n, s.dependsOn(), literals(s.offsets()));
            case RANDOM_NUMERIC ->
                b.add("$T.randomNumeric($S, $L, $L)", SQL_DSL, n, literal(s.min()), literal(s.max()));
            case SAMPLE_LIST -> {
                List<Integer> k = s.counts();
                int min = k.get(0);
                int max = k.get(k.size() - 1);
                boolean contiguous = max - min + 1 == k.size() && max - min < ParameterSpec.MAX_COUNT_RANGE;
                for (int i = 1; contiguous && i < k.size(); i++) {
                    contiguous = k.get(i) == min + i;
                }
                if (contiguous) {
                    b.add("$T.sampleList($S, $S, $L, $L)", SQL_DSL, n, s.column(), min, max);
                } else {
                    b.add(
                            "$T.sampleList($S, $S, $T.of($L))",
                            ParameterSpec.class,
                            n,
                            s.column(),
                            List.class,
                            literals(k));
                }
            }
            case SAMPLE_FROM_POOL ->
                throw new IllegalStateException("templates map sample_from_pool to profile strategies");
        }
        if (s.type() != null && s.type() != defaultType(s.strategy())) {
            b.add(".type($T.$L)", ParamType.class, s.type().name());
        }
        return b.build();
    }

    /** The type the factory method sets: a spec whose declared type equals it needs no {@code .type(...)}. */
    static ParamType defaultType(StrategyKind strategy) {
        return switch (strategy) {
            case CHOICE -> ParamType.CHOICE;
            case SAMPLE_LIST -> ParamType.CATEGORICAL_LIST;
            case RANDOM_NUMERIC, SEQUENCE -> ParamType.NUMERIC;
            default -> null;
        };
    }

    static CodeBlock literals(List<?> values) {
        return values.stream().map(SpecCode::literal).collect(CodeBlock.joining(", "));
    }

    /** A Java expression equal to the value, of the same class (Integer, Long, Double, Boolean, String, LocalDate). */
    static CodeBlock literal(Object v) {
        if (v instanceof Integer || v instanceof Boolean) {
            return CodeBlock.of("$L", v);
        }
        if (v instanceof Long l) {
            return CodeBlock.of("$LL", l);
        }
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return CodeBlock.of(
                        "$T.$L", Double.class, d.isNaN() ? "NaN" : d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY");
            }
            return CodeBlock.of("$L", Double.toString(d));
        }
        if (v instanceof LocalDate d) {
            return CodeBlock.of(
                    "$T.of($L, $L, $L)", LocalDate.class, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        }
        if (v instanceof String s) {
            return CodeBlock.of("$S", s);
        }
        throw new IllegalArgumentException("value: must be a number, boolean, text or date, but was " + v.getClass());
    }
}
