package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Stock moving between two locations: out of the source's on hand, in transit at the destination until
 * received. While in transit it is expected supply at the destination ({@link #expectedAt()}).
 */
@Value.Immutable
@OmsStyle
public abstract class Transfer {
    public abstract TenantId tenant();

    public abstract TransferId id();

    /** Where the goods left. */
    public abstract LocationId source();

    /** Where the goods go. */
    public abstract LocationId destination();

    public abstract List<TransferLine> lines();

    public abstract TransferStatus status();

    /** When the goods are expected at the destination, if known. */
    public abstract Optional<Instant> expectedAt();

    public abstract Actor createdBy();

    public abstract Instant createdAt();

    public abstract Instant updatedAt();

    public abstract long version();

    /** The line of this SKU. */
    public Optional<TransferLine> line(dev.omskit.core.model.Sku sku) {
        return lines().stream().filter(l -> l.sku().equals(sku)).findFirst();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Transfer}. */
    public static class Builder extends ImmutableTransfer.Builder {}
}
