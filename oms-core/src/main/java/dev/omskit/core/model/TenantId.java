package dev.omskit.core.model;

import dev.omskit.core.support.Checks;

/**
 * A merchant served by the deployment. Every aggregate and every storage call carries one; data of one tenant is never visible to another.
 *
 * @param value the identifier, validated: not blank, no surrounding white space or control characters,
 *     at most 128 characters
 */
public record TenantId(String value) implements Comparable<TenantId> {
    public TenantId {
        Checks.id("tenant id", value);
    }

    /** The identifier {@code value}; throws {@code InvalidArgumentException} if it is not valid. */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public int compareTo(TenantId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
