package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Receive a transfer at its destination. With {@link #received()} and {@link #damaged()} both empty everything
 * shipped arrived in good condition; otherwise {@link #received()} names the good units per SKU, {@link
 * #damaged()} the damaged ones, and every unit named in neither is written off as lost in transit.
 */
@Value.Immutable
@OmsStyle
public abstract class ReceiveTransfer {
    public abstract TenantId tenant();

    public abstract TransferId transfer();

    public abstract Map<Sku, Integer> received();

    public abstract Map<Sku, Integer> damaged();

    public abstract Optional<String> note();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReceiveTransfer}. */
    public static class Builder extends ImmutableReceiveTransfer.Builder {}
}
