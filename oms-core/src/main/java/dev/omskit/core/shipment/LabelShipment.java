package dev.omskit.core.shipment;

import dev.omskit.core.command.ExistingOrderCommand;
import java.util.Optional;
import org.immutables.value.Value;

/** Record the carrier's label: the tracking number (unique per carrier) and the label's reference. */
@Value.Immutable
public abstract class LabelShipment implements ExistingOrderCommand {
    public abstract String shipmentId();

    public abstract String trackingNumber();

    public abstract Optional<String> label();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LabelShipment}. */
    public static class Builder extends ImmutableLabelShipment.Builder {}
}
