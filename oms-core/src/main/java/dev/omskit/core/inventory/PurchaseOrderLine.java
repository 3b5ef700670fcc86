package dev.omskit.core.inventory;

import dev.omskit.core.error.InvalidArgumentException;
import dev.omskit.core.model.Sku;

/**
 * One SKU of a {@link PurchaseOrder}.
 *
 * @param sku the SKU
 * @param ordered units ordered from the supplier
 * @param received units received so far, good and damaged
 */
public record PurchaseOrderLine(Sku sku, int ordered, int received) {
    public PurchaseOrderLine {
        if (ordered <= 0 || received < 0 || received > ordered) {
            throw new InvalidArgumentException("purchase order line " + sku + ": ordered " + ordered + ", received "
                    + received + " do not add up");
        }
    }

    /** Units still expected. */
    public int outstanding() {
        return ordered - received;
    }
}
