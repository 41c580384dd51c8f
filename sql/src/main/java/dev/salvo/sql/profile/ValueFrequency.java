package dev.salvo.sql.profile;

/**
 * One of a column's most common values and the fraction of all rows (nulls included) that hold it.
 *
 * @param value the value, of the column type's Java class
 * @param frequency the fraction of rows, in [0, 1]
 */
public record ValueFrequency(Object value, double frequency) {}
