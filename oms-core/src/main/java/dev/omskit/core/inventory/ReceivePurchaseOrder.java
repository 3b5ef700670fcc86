package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Receive goods against a purchase order at its location, after inspection. Good units go on hand, damaged
 * ones to quarantine; both count as received on the order. Receiving fills backorders of those SKUs,
 * oldest first, when an {@code Oms} allocates from this inventory.
 */
@Value.Immutable
@OmsStyle
public abstract class ReceivePurchaseOrder {
    public abstract TenantId tenant();

    public abstract PurchaseOrderId purchaseOrder();

    public abstract List<ReceiptLine> lines();

    public abstract Optional<IdempotencyKey> idempotencyKey();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReceivePurchaseOrder}. */
    public static class Builder extends ImmutableReceivePurchaseOrder.Builder {}
}
