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

/** Ship units from one location to another: out of the source's on hand, in transit at the destination. */
@Value.Immutable
@OmsStyle
public abstract class TransferStock {
    public abstract TenantId tenant();

    public abstract LocationId from();

    public abstract LocationId to();

    /** Units per SKU. */
    public abstract Map<Sku, Integer> lines();

    public abstract Optional<Instant> expectedAt();

    /** The id to use; empty lets the facade generate one. */
    public abstract Optional<TransferId> id();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TransferStock}. */
    public static class Builder extends ImmutableTransferStock.Builder {}
}
