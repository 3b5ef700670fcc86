package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Record a stock count at a location: the sellable units counted per SKU. The system quantity becomes the
 * counted one and the variance goes to the ledger; a count below the reserved units is refused (release or
 * re-route those reservations first).
 */
@Value.Immutable
@OmsStyle
public abstract class CountStock {
    public abstract TenantId tenant();

    public abstract LocationId location();

    public abstract Map<Sku, Integer> counted();

    public abstract Optional<IdempotencyKey> idempotencyKey();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CountStock}. */
    public static class Builder extends ImmutableCountStock.Builder {}
}
