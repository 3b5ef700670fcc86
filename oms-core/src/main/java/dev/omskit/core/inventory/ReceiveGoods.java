package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.IdempotencyKey;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Post a goods receipt at a location. With an {@link #idempotencyKey()} (say the delivery note number) a
 * receipt posted twice counts once.
 */
@Value.Immutable
@OmsStyle
public abstract class ReceiveGoods {
    public abstract TenantId tenant();

    public abstract LocationId location();

    public abstract List<ReceiptLine> lines();

    /** What the goods came with, e.g. {@code po:PO-7} or {@code asn:ASN-12}. Default {@code receipt}. */
    @Value.Default
    public String cause() {
        return "receipt";
    }

    public abstract Optional<IdempotencyKey> idempotencyKey();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReceiveGoods}. */
    public static class Builder extends ImmutableReceiveGoods.Builder {}
}
