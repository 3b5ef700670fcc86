package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Create a purchase order as a draft (a suggestion from {@code suggestPurchaseOrders} is one of these). */
@Value.Immutable
@OmsStyle
public abstract class CreatePurchaseOrder {
    public abstract TenantId tenant();

    public abstract String supplier();

    public abstract LocationId location();

    /** Units per SKU. */
    public abstract Map<Sku, Integer> lines();

    public abstract Optional<Instant> expectedAt();

    /** The id to use; empty lets the facade generate one. */
    public abstract Optional<PurchaseOrderId> id();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreatePurchaseOrder}. */
    public static class Builder extends ImmutableCreatePurchaseOrder.Builder {}
}
