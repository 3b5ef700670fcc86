package dev.omskit.core.model;

import dev.omskit.core.support.Checks;

/**
 * A customer of a tenant, as the host's customer registry knows them.
 *
 * @param value the identifier, validated: not blank, no surrounding white space or control characters,
 *     at most 128 characters
 */
public record CustomerId(String value) implements Comparable<CustomerId> {
    public CustomerId {
        Checks.id("customer id", value);
    }

    /** The identifier {@code value}; throws {@code InvalidArgumentException} if it is not valid. */
    public static CustomerId of(String value) {
        return new CustomerId(value);
    }

    @Override
    public int compareTo(CustomerId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
