package dev.omskit.core.command;

import dev.omskit.core.model.Address;
import dev.omskit.core.model.Buyer;
import dev.omskit.core.model.LineId;
import dev.omskit.core.support.OmsStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Edit an order before release: replace buyer details or the shipping address, add lines, remove lines,
 * change quantities. Validated like a capture; refused once any live unit is released or beyond
 * ({@code NOT_EDITABLE}: cancel and capture a replacement instead).
 */
@Value.Immutable
@OmsStyle
public abstract class EditOrder implements ExistingOrderCommand {
    public abstract Optional<Buyer> buyer();

    public abstract Optional<Address> shippingAddress();

    public abstract List<LineInput> addLines();

    public abstract Set<LineId> removeLines();

    /**
     * New number of live (not cancelled) units per line: more are added in the initial stage, fewer are
     * taken from the least advanced stages first. Cancelled units stay on record.
     */
    public abstract Map<LineId, Long> changeQuantities();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EditOrder}. */
    public static class Builder extends ImmutableEditOrder.Builder {}
}
