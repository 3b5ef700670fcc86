package dev.omskit.core.shipment;

import dev.omskit.core.command.ExistingOrderCommand;
import java.util.Optional;
import org.immutables.value.Value;

/** Hand over or cancel one shipment (the facade method names which); a cancellation needs a reason. */
@Value.Immutable
public abstract class ChangeShipment implements ExistingOrderCommand {
    public abstract String shipmentId();

    public abstract Optional<String> reason();

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ChangeShipment}. */
    public static class Builder extends ImmutableChangeShipment.Builder {}
}
