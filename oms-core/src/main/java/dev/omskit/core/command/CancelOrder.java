package dev.omskit.core.command;

import dev.omskit.core.model.LineId;
import dev.omskit.core.support.OmsStyle;
import java.util.Map;
import org.immutables.value.Value;

/**
 * Cancel an order, fully (no {@link #lines()}) or partially (units per line). A full cancellation needs
 * every live unit to be cancellable; a partial one needs enough cancellable units on each named line.
 * Otherwise it is refused with {@code NOT_CANCELLABLE} and nothing changes.
 */
@Value.Immutable
@OmsStyle
public abstract class CancelOrder implements ExistingOrderCommand {
    /** Units to cancel per line; empty cancels everything. */
    public abstract Map<LineId, Integer> lines();

    public abstract String reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CancelOrder}. */
    public static class Builder extends ImmutableCancelOrder.Builder {}
}
