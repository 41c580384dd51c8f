package dev.salvo.seed.internal;

/**
 * A checked, compiled column generator: hands out writers (one per thread) and says what it can produce.
 */
public interface ValueSource {
    /** Writes one non-null value of row {@code row} in COPY text form; a pure function of the row. Not thread-safe. */
    @FunctionalInterface
    interface Writer {
        /** @param row the row index @param out where the value goes */
        void write(long row, TextOut out);
    }

    /** @return a new writer for one thread */
    Writer newWriter();

    /** @return how many distinct values it can produce at most ({@link Long#MAX_VALUE} when unbounded) */
    long distinct();

    /** @return true when different rows always get different values */
    boolean injective();

    /** @return the SQL type of a column Salvo creates for these values */
    String sqlType();

    /**
     * @param writer a writer
     * @param sqlType the SQL type
     * @param distinct distinct values at most
     * @param injective distinct per row
     * @return a source handing out writers from the supplier
     */
    static ValueSource of(
            java.util.function.Supplier<Writer> writer, String sqlType, long distinct, boolean injective) {
        return new ValueSource() {
            @Override
            public Writer newWriter() {
                return writer.get();
            }

            @Override
            public long distinct() {
                return distinct;
            }

            @Override
            public boolean injective() {
                return injective;
            }

            @Override
            public String sqlType() {
                return sqlType;
            }
        };
    }
}
