package dev.omskit.core.model;

import dev.omskit.core.support.Checks;

/**
 * The identifier omskit gives an order, unique within its tenant.
 *
 * @param value the identifier, validated: not blank, no surrounding white space or control characters,
 *     at most 128 characters
 */
public record OrderId(String value) implements Comparable<OrderId> {
    public OrderId {
        Checks.id("order id", value);
    }

    /** The identifier {@code value}; throws {@code InvalidArgumentException} if it is not valid. */
    public static OrderId of(String value) {
        return new OrderId(value);
    }

    @Override
    public int compareTo(OrderId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
