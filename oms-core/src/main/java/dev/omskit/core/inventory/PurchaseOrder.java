package dev.omskit.core.inventory;

import dev.omskit.core.lifecycle.State;
import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Goods ordered from a supplier for one receiving location, moving through {@link PurchaseOrderLifecycle}.
 * While confirmed and not fully received it is expected supply ({@link #expectedAt()}).
 */
@Value.Immutable
@OmsStyle
public abstract class PurchaseOrder {
    public abstract TenantId tenant();

    public abstract PurchaseOrderId id();

    /** The supplier's code. */
    public abstract String supplier();

    /** Where the goods will be received. */
    public abstract LocationId location();

    public abstract List<PurchaseOrderLine> lines();

    /** A state of {@link PurchaseOrderLifecycle}. */
    public abstract State status();

    public abstract Optional<Instant> expectedAt();

    public abstract Actor createdBy();

    public abstract Instant createdAt();

    public abstract Instant updatedAt();

    public abstract long version();

    public Optional<PurchaseOrderLine> line(Sku sku) {
        return lines().stream().filter(l -> l.sku().equals(sku)).findFirst();
    }

    /** Units still expected over all lines. */
    public int outstanding() {
        return lines().stream().mapToInt(PurchaseOrderLine::outstanding).sum();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PurchaseOrder}. */
    public static class Builder extends ImmutablePurchaseOrder.Builder {}
}
