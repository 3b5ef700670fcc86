package dev.omskit.core.returns;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.LocationId;
import dev.omskit.core.support.OmsStyle;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The inspection of a received return: per line, good units restocked and damaged units quarantined
 * with a reason (every received unit is one or the other). The stock moves first, through the inventory
 * with the idempotency key {@code rma-<id>-inspect}, then the return is committed {@code INSPECTED}: a
 * retry never counts stock twice.
 */
@Value.Immutable
@OmsStyle
public abstract class InspectReturn implements ExistingOrderCommand {
    public abstract String returnId();

    public abstract List<InspectionLine> lines();

    /** Where good units go back on hand (and damaged ones to quarantine); default the return's location. */
    public abstract Optional<LocationId> restockLocation();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link InspectReturn}. */
    public static class Builder extends ImmutableInspectReturn.Builder {}
}
