package dev.omskit.connectors.supplier;

import dev.omskit.core.inventory.PurchaseOrderId;
import dev.omskit.core.support.Checks;
import java.time.Instant;
import java.util.Optional;

/**
 * The supplier acknowledged a purchase order.
 *
 * @param purchaseOrder our purchase order id
 * @param supplierReference the supplier's own reference of the order (its sales order number)
 * @param acknowledgedAt when it acknowledged it
 * @param promisedAt when it promises delivery, if it said
 */
public record PurchaseOrderAck(
        PurchaseOrderId purchaseOrder, String supplierReference, Instant acknowledgedAt, Optional<Instant> promisedAt) {
    public PurchaseOrderAck {
        Checks.notNull("purchaseOrder", purchaseOrder);
        Checks.id("supplier reference", supplierReference);
        Checks.notNull("acknowledgedAt", acknowledgedAt);
        Checks.notNull("promisedAt", promisedAt);
    }
}
