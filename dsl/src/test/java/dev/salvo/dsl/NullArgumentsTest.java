package dev.salvo.dsl;

import static dev.salvo.dsl.SqlDsl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.salvo.sql.QueryKind;
import dev.salvo.sql.SalvoException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public method of the DSL, called with {@code null} for each of its reference arguments in turn (the others
 * valid): the answer is Salvo's one-line error, never a raw NullPointerException.
 */
class NullArgumentsTest {
    record Call(String name, Supplier<Object> target, Method method, int nullAt) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Call> calls() {
        List<Call> calls = new ArrayList<>();
        add(calls, "SqlDsl", () -> null, SqlDsl.class);
        add(calls, "SqlRequestBuilder", () -> sql("q").query("SELECT :id"), SqlRequestBuilder.class);
        add(calls, "SqlRequestBuilder.Named", () -> pointLookup("n"), SqlRequestBuilder.Named.class);
        add(calls, "TransactionBuilder", () -> transaction("t"), TransactionBuilder.class);
        add(calls, "MixBuilder", () -> mix("m"), MixBuilder.class);
        add(calls, "SqlProtocolBuilder", SqlDsl::database, SqlProtocolBuilder.class);
        add(calls, "FindMaxBuilder", SqlDsl::findMax, FindMaxBuilder.class);
        return calls.stream();
    }

    private static void add(List<Call> calls, String owner, Supplier<Object> target, Class<?> type) {
        for (Method m : type.getDeclaredMethods()) {
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            if (!Modifier.isPublic(m.getModifiers())
                    || m.isSynthetic()
                    || m.getName().equals("asScala")
                    || (type == SqlDsl.class) != isStatic) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                // param(name, (Object) null) binds SQL NULL: the one null a value may be
                boolean sqlNull = m.getName().equals("param") && i == 1 && types[i] == Object.class;
                if (!types[i].isPrimitive() && !sqlNull) {
                    calls.add(new Call(owner + "." + m.getName() + "(" + describe(types, i) + ")", target, m, i));
                }
            }
        }
    }

    private static String describe(Class<?>[] types, int nullAt) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            out.add(i == nullAt ? "null" : types[i].getSimpleName());
        }
        return String.join(", ", out);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aNullArgumentIsOneLineNamingIt(Call call) throws Exception {
        Class<?>[] types = call.method().getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = i == call.nullAt() ? null : valid(types[i]);
        }
        Throwable thrown = null;
        try {
            call.method().invoke(call.target().get(), args);
        } catch (InvocationTargetException e) {
            thrown = e.getCause();
        }
        assertThat(thrown).as(call.name() + ": a null argument is refused").isNotNull();
        assertThat(thrown)
                .as(call.name() + ": refused as bad input, not a crash")
                .isInstanceOf(SalvoException.class);
        assertThat(thrown.getMessage()).doesNotContain("\n").matches(".+: .*\\bmust\\b.*, but .+");
    }

    private static Object valid(Class<?> type) {
        if (type == String.class) {
            return "x";
        }
        if (type == int.class || type == long.class) {
            return type == int.class ? (Object) 1 : (Object) 1L;
        }
        if (type == double.class) {
            return 1.0;
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == QueryKind.class) {
            return QueryKind.POINT_LOOKUP;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2025, 1, 1);
        }
        if (type == Number.class || type == Object.class) {
            return 1;
        }
        if (type == java.util.function.Function.class) {
            return (java.util.function.Function<Object, Object>) s -> 1;
        }
        if (type == java.util.List.class) {
            return List.of(1);
        }
        if (type == java.nio.file.Path.class) {
            return java.nio.file.Path.of("profiles");
        }
        if (type == dev.salvo.feeders.PoolOrdering.class) {
            return dev.salvo.feeders.PoolOrdering.RANDOM;
        }
        if (type == SqlRequestBuilder.class) {
            return sql("r").query("SELECT 1");
        }
        if (type == TransactionBuilder.class) {
            return transaction("t").statements(sql("r").query("SELECT 1"));
        }
        if (type == FindMaxBuilder.class) {
            return findMax();
        }
        if (type.isArray()) {
            Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), 1);
            java.lang.reflect.Array.set(array, 0, valid(type.getComponentType()));
            return array;
        }
        if (type == dev.salvo.feeders.ParameterSpec.class) {
            return randomNumeric("p", 1, 2);
        }
        if (type == dev.salvo.feeders.Pool.class) {
            return dev.salvo.feeders.Pool.of("pool", List.of(1));
        }
        if (type == dev.salvo.seed.SeedSpec.class) {
            return dev.salvo.seed.SeedSpec.seed(1);
        }
        if (type == dev.salvo.seed.SeedOptions.class) {
            return dev.salvo.seed.SeedOptions.DEFAULTS;
        }
        throw new AssertionError("no valid value for " + type);
    }
}
