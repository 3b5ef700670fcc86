package dev.omskit.core.fulfilment;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Release units of an order to locations for fulfilment, moving them {@code ALLOCATED -> RELEASED}. With
 * no {@link #location()} every allocated unit is released, one request per location it is reserved at
 * (read from the order's reservation in the inventory). With a location, {@link #lines()} (units per line)
 * or, when empty, every allocated unit goes to that one location.
 */
@Value.Immutable
@OmsStyle
public abstract class ReleaseFulfilment implements ExistingOrderCommand {
    /** The one location to release to; empty for the default release by reservation. */
    public abstract Optional<LocationId> location();

    /** Units per line for an explicit release; empty releases every allocated unit. */
    public abstract Map<LineId, Integer> lines();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ReleaseFulfilment}. */
    public static class Builder extends ImmutableReleaseFulfilment.Builder {}
}
