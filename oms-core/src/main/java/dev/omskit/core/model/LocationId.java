package dev.omskit.core.model;

import dev.omskit.core.support.Checks;

/**
 * A place that holds or ships stock: a warehouse, a store, a 3PL node or a dropship vendor.
 *
 * @param value the identifier, validated: not blank, no surrounding white space or control characters,
 *     at most 128 characters
 */
public record LocationId(String value) implements Comparable<LocationId> {
    public LocationId {
        Checks.id("location id", value);
    }

    /** The identifier {@code value}; throws {@code InvalidArgumentException} if it is not valid. */
    public static LocationId of(String value) {
        return new LocationId(value);
    }

    @Override
    public int compareTo(LocationId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
