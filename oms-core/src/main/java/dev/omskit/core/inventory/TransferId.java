package dev.omskit.core.inventory;

import dev.omskit.core.support.Checks;

/**
 * The id of a {@link Transfer}, unique within a tenant.
 *
 * @param value the identifier, validated like every id
 */
public record TransferId(String value) {
    public TransferId {
        Checks.id("transfer id", value);
    }

    public static TransferId of(String value) {
        return new TransferId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
