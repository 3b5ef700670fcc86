package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Correct one count of one cell by hand, with a reason. A decrease of on-hand units may not take reserved
 * units; it is refused with {@code INSUFFICIENT_STOCK} instead.
 */
@Value.Immutable
@OmsStyle
public abstract class AdjustStock {
    public abstract TenantId tenant();

    public abstract Sku sku();

    public abstract LocationId location();

    @Value.Default
    public StockBucket bucket() {
        return StockBucket.ON_HAND;
    }

    /** Units to add (positive) or remove (negative); never zero. */
    public abstract int delta();

    public abstract String reason();

    public abstract Optional<IdempotencyKey> idempotencyKey();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AdjustStock}. */
    public static class Builder extends ImmutableAdjustStock.Builder {}
}
