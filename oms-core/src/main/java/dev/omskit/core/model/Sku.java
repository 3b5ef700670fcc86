package dev.omskit.core.model;

import dev.omskit.core.support.Checks;

/**
 * A stock keeping unit: the code of a sellable item, unique within a tenant.
 *
 * @param value the identifier, validated: not blank, no surrounding white space or control characters,
 *     at most 128 characters
 */
public record Sku(String value) implements Comparable<Sku> {
    public Sku {
        Checks.id("SKU", value);
    }

    /** The identifier {@code value}; throws {@code InvalidArgumentException} if it is not valid. */
    public static Sku of(String value) {
        return new Sku(value);
    }

    @Override
    public int compareTo(Sku other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
