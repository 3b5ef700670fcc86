package dev.omskit.core.inventory;

import dev.omskit.core.model.Actor;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.model.Sku;
import dev.omskit.core.model.TenantId;
import dev.omskit.core.support.OmsStyle;
import org.immutables.value.Value;

/**
 * Move units between on hand and quarantine, or write quarantined units off: {@link MovementKind#QUARANTINE}
 * (found damaged on the shelf), {@link MovementKind#QUARANTINE_RELEASE} (inspected and fine) or {@link
 * MovementKind#WRITE_OFF} (scrapped or sent back to the supplier).
 */
@Value.Immutable
@OmsStyle
public abstract class MoveQuarantine {
    public abstract TenantId tenant();

    public abstract Sku sku();

    public abstract LocationId location();

    /** One of QUARANTINE, QUARANTINE_RELEASE, WRITE_OFF. */
    public abstract MovementKind kind();

    public abstract int units();

    public abstract String reason();

    public abstract Actor actor();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link MoveQuarantine}. */
    public static class Builder extends ImmutableMoveQuarantine.Builder {}
}
