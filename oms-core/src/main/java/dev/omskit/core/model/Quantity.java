package dev.omskit.core.model;

import dev.omskit.core.error.InvalidArgumentException;

/**
 * A positive number of units, as commands name them (cancel 2 of line L1).
 *
 * @param value the number of units, at least 1
 */
public record Quantity(int value) implements Comparable<Quantity> {
    public Quantity {
        if (value <= 0) {
            throw InvalidArgumentException.of("quantity", "NOT_POSITIVE", "quantity must be positive; was " + value);
        }
    }

    /** {@code value} units; throws if not positive. */
    public static Quantity of(int value) {
        return new Quantity(value);
    }

    @Override
    public int compareTo(Quantity other) {
        return Integer.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
