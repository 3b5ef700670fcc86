package dev.omskit.core.shipment;

import dev.omskit.core.command.ExistingOrderCommand;
import dev.omskit.core.model.LineId;
import dev.omskit.core.model.LocationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Create a shipment of released units from one origin. The units per line may not exceed the units
 * released at the origin and not yet in another live shipment ({@code UNITS_NOT_RELEASED}); with a
 * {@link #fulfilmentRequest()} they must be within its picked units. The COD amount is derived ({@link
 * CodCalculator}).
 */
@Value.Immutable
public abstract class CreateShipment implements ExistingOrderCommand {
    public abstract LocationId origin();

    /** The fulfilment request the parcel was packed for. */
    public abstract Optional<String> fulfilmentRequest();

    /** Units per order line. */
    public abstract Map<LineId, Integer> lines();

    public abstract List<Parcel> parcels();

    /** The carrier's code, e.g. {@code GHN}. */
    public abstract String carrier();

    @Value.Default
    public ServiceLevel service() {
        return ServiceLevel.ECONOMY;
    }

    @Value.Default
    public ShippingPayer payer() {
        return ShippingPayer.BUYER;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreateShipment}. */
    public static class Builder extends ImmutableCreateShipment.Builder {}
}
