package dev.salvo.dsl;

import dev.salvo.sql.SalvoException;

/** Null arguments of the public DSL: the same one-line error as any other bad input, naming the method and argument. */
final class Nulls {
    private Nulls() {}

    /**
     * @param where the builder, e.g. {@code request 'by id'}
     * @param method the method called
     * @param argument the argument's name
     * @param value its value
     * @return the value
     */
    static <T> T check(String where, String method, String argument, T value) {
        if (value == null) {
            throw new SalvoException(where + ": ." + method + "(...) " + argument + " must be non-null, but was null");
        }
        return value;
    }

    /** Like {@link #check}, for an array argument and each of its elements. */
    static <T> T[] checkAll(String where, String method, String argument, T[] values) {
        check(where, method, argument, values);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new SalvoException(where + ": ." + method + "(...) " + argument + " must be non-null, but "
                        + argument + "[" + i + "] was null");
            }
        }
        return values;
    }

    /** A request's name: the same message as a blank one. */
    static void name(String requestName) {
        if (requestName == null) {
            throw new SalvoException("request name: must be non-blank, but was null");
        }
    }
}
