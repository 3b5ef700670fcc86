package dev.omskit.core.inventory;

import dev.omskit.core.support.Checks;

/**
 * The id of a {@link PurchaseOrder}, unique within a tenant.
 *
 * @param value the identifier, validated like every id
 */
public record PurchaseOrderId(String value) {
    public PurchaseOrderId {
        Checks.id("purchase order id", value);
    }

    public static PurchaseOrderId of(String value) {
        return new PurchaseOrderId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
